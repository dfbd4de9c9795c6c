package org.cdswebsocket.socketio.config;

import com.sap.cds.services.environment.CdsEnvironment;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.cdswebsocket.config.WebSocketSettings;
import org.cdswebsocket.socketio.server.SocketIoOptions;
import org.cdswebsocket.spi.OriginPolicy;

/**
 * Reads {@link SocketIoOptions} from {@code cds.websocket.*}. Option names under {@code
 * cds.websocket.options} are accepted in the Node plugin's camelCase ({@code pingInterval}) and in
 * kebab-case ({@code ping-interval}); lists as YAML lists or comma-separated strings.
 */
final class SocketIoOptionsReader {

  private static final String OPTIONS = "cds.websocket.options.";

  private final CdsEnvironment env;

  SocketIoOptionsReader(CdsEnvironment env) {
    this.env = env;
  }

  SocketIoOptions read(WebSocketSettings settings) {
    SocketIoOptions.Builder b = SocketIoOptions.builder();
    b.port(env.getProperty("cds.websocket.port", Integer.class, SocketIoOptions.DEFAULT_PORT));
    b.hostname(option("hostname", "hostname", String.class, null));
    b.context(option("path", "path", String.class, "/socket.io"));
    b.pingIntervalMillis(option("pingInterval", "ping-interval", Integer.class, 25_000));
    b.pingTimeoutMillis(option("pingTimeout", "ping-timeout", Integer.class, 20_000));
    int max = settings.maxMessageBytes();
    b.maxFramePayloadLength(
        option("maxFramePayloadLength", "max-frame-payload-length", Integer.class, max));
    b.maxHttpContentLength(
        option("maxHttpContentLength", "max-http-content-length", Integer.class, max));
    List<String> origins = new java.util.ArrayList<>(allowedOrigins());
    origins.addAll(list("cors.origin", "cors.origin")); // the Node plugin's socket.io option
    b.allowedOrigins(origins);
    List<String> transports = list("transports", "transports");
    if (!transports.isEmpty()) {
      b.transports(transports);
    }
    b.compression(option("perMessageDeflate", "per-message-deflate", Boolean.class, false));
    b.workerThreads(option("workerThreads", "worker-threads", Integer.class, 16));
    b.workerQueueSize(option("workerQueueSize", "worker-queue-size", Integer.class, 1_000));
    b.sessionQueueSize(option("sessionQueueSize", "session-queue-size", Integer.class, 100));
    b.sendQueueLimit(settings.sendQueueLimit());
    b.authThreads(option("authThreads", "auth-threads", Integer.class, 2));
    b.authQueueSize(option("authQueueSize", "auth-queue-size", Integer.class, 64));
    b.failedConnectLimit(option("failedConnectLimit", "failed-connect-limit", Integer.class, 5));
    b.connectTimeoutMillis(option("connectTimeout", "connect-timeout", Integer.class, 10_000));
    b.maxNamespaces(option("maxNamespaces", "max-namespaces", Integer.class, 20));
    return b.build();
  }

  /** {@code cds.websocket.allowed-origins}, shared with kind {@code ws}. */
  private List<String> allowedOrigins() {
    Object value = env.getProperty(OriginPolicy.SETTING, Object.class, null);
    if (value == null) {
      List<String> values = new java.util.ArrayList<>();
      for (int i = 0; ; i++) {
        String v = env.getProperty(OriginPolicy.SETTING + "[" + i + "]", String.class, null);
        if (v == null) {
          return values;
        }
        values.add(v.trim());
      }
    }
    return OriginPolicy.parse(value);
  }

  private <T> T option(String camel, String kebab, Class<T> type, T fallback) {
    T value = env.getProperty(OPTIONS + camel, type, null);
    if (value == null) {
      value = env.getProperty(OPTIONS + kebab, type, null);
    }
    return value == null ? fallback : value;
  }

  private List<String> list(String camel, String kebab) {
    Object value = option(camel, kebab, Object.class, null);
    if (value == null) {
      // YAML lists arrive as indexed keys in flat property sources
      Object first = env.getProperty(OPTIONS + camel + "[0]", String.class, null);
      if (first == null) {
        return List.of();
      }
      List<String> values = new java.util.ArrayList<>();
      for (int i = 0; ; i++) {
        String v = env.getProperty(OPTIONS + camel + "[" + i + "]", String.class, null);
        if (v == null) {
          return values;
        }
        values.add(v.trim());
      }
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).map(String::trim).toList();
    }
    return Arrays.stream(String.valueOf(value).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
