package org.cdswebsocket.socketio.config;

import java.util.ArrayList;
import java.util.List;
import org.cdswebsocket.socketio.server.SocketIoOptions;
import org.cdswebsocket.spi.OriginPolicy;
import org.cdswebsocket.spi.SettingsSource;
import org.cdswebsocket.spi.WebSocketProperty;

/**
 * The Socket.IO server's protection settings: allowed origins ({@code
 * cds.websocket.allowed-origins}, shared with kind ws) and the handshake limits under {@code
 * cds.websocket.options}, in the Node-style camelCase and in kebab-case. Declared here until they
 * join core's {@code WebSocketProperties}; read once at start-up. Stateless.
 */
final class SocketIoHardeningSettings {

  private static final String OPTIONS = "cds.websocket.options.";

  static final WebSocketProperty<Integer> AUTH_THREADS =
      integer("authThreads", "auth-threads", 2, "threads that authenticate namespace connects");
  static final WebSocketProperty<Integer> AUTH_QUEUE_SIZE =
      integer(
          "authQueueSize",
          "auth-queue-size",
          64,
          "connects waiting for authentication before further ones get connect_error 503");
  static final WebSocketProperty<Integer> FAILED_CONNECT_LIMIT =
      integer(
          "failedConnectLimit",
          "failed-connect-limit",
          5,
          "refused namespace connects after which the connection is closed");
  static final WebSocketProperty<Integer> CONNECT_TIMEOUT =
      integer(
          "connectTimeout",
          "connect-timeout",
          10_000,
          "ms a connection may stay without joining a namespace");
  static final WebSocketProperty<Integer> MAX_NAMESPACES =
      integer("maxNamespaces", "max-namespaces", 20, "namespaces one connection may join at once");

  private SocketIoHardeningSettings() {}

  /** Applies the settings of {@code source} to {@code options}. */
  static SocketIoOptions.Builder apply(
      SocketIoOptions.Builder options, SettingsSource source, List<String> corsOrigins) {
    List<String> origins = new ArrayList<>(OriginPolicy.ALLOWED_ORIGINS.read(source));
    origins.addAll(corsOrigins); // the Node plugin's cds.websocket.options.cors.origin
    return options
        .allowedOrigins(origins)
        .authThreads(AUTH_THREADS.read(source))
        .authQueueSize(AUTH_QUEUE_SIZE.read(source))
        .failedConnectLimit(FAILED_CONNECT_LIMIT.read(source))
        .connectTimeoutMillis(CONNECT_TIMEOUT.read(source))
        .maxNamespaces(MAX_NAMESPACES.read(source));
  }

  private static WebSocketProperty<Integer> integer(
      String camel, String kebab, int defaultValue, String description) {
    return new WebSocketProperty<>(
        OPTIONS + camel,
        List.of(OPTIONS + kebab),
        Integer.class,
        defaultValue,
        "Kind socket.io: " + description + ".");
  }
}
