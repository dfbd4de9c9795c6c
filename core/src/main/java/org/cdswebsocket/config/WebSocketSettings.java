package org.cdswebsocket.config;

import com.sap.cds.services.environment.CdsEnvironment;
import java.util.Locale;
import java.util.Objects;

/**
 * The transport-neutral settings under {@code cds.websocket.*}, read once at start-up.
 *
 * <p>Names mirror the Node plugin's configuration. Every property and its default is documented in
 * the README; adapters read their own transport options ({@code cds.websocket.options.*}) from the
 * environment themselves.
 *
 * @param enabled {@code cds.websocket.enabled}, default {@code true}
 * @param kind {@code cds.websocket.kind}: {@code ws} (default) or {@code socket.io}
 * @param path {@code cds.websocket.path}: the protocol prefix, default {@code /ws}
 * @param format {@code cds.websocket.format}: the default message format, default {@code json}
 * @param maxMessageBytes {@code cds.websocket.max-message-size}: largest inbound message accepted,
 *     default 1 MiB (the Socket.IO default {@code maxHttpBufferSize})
 * @param sendQueueLimit {@code cds.websocket.send-queue-limit}: frames queued for one slow client
 *     before it is disconnected, default 10000
 */
public record WebSocketSettings(
    boolean enabled,
    String kind,
    String path,
    String format,
    int maxMessageBytes,
    int sendQueueLimit) {

  /** Kind {@code ws}: plain RFC 6455 WebSockets. */
  public static final String KIND_WS = "ws";

  /** Kind {@code socket.io}. */
  public static final String KIND_SOCKET_IO = "socket.io";

  public WebSocketSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("cds.websocket.max-message-size must be positive");
    }
    if (sendQueueLimit <= 0) {
      throw new IllegalArgumentException("cds.websocket.send-queue-limit must be positive");
    }
  }

  /** Defaults, as used when nothing is configured. */
  public static WebSocketSettings defaults() {
    return new WebSocketSettings(true, KIND_WS, "/ws", "json", 1_000_000, 10_000);
  }

  /** Reads the settings from the CAP environment (Spring properties included). */
  public static WebSocketSettings from(CdsEnvironment env) {
    WebSocketSettings d = defaults();
    String kind = env.getProperty("cds.websocket.kind", String.class, d.kind());
    return new WebSocketSettings(
        env.getProperty("cds.websocket.enabled", Boolean.class, d.enabled()),
        normaliseKind(kind),
        env.getProperty("cds.websocket.path", String.class, d.path()),
        env.getProperty("cds.websocket.format", String.class, d.format()),
        env.getProperty("cds.websocket.max-message-size", Integer.class, d.maxMessageBytes()),
        env.getProperty("cds.websocket.send-queue-limit", Integer.class, d.sendQueueLimit()));
  }

  /** Accepts {@code socket.io}, {@code socketio} and {@code socket-io} for the Socket.IO kind. */
  static String normaliseKind(String kind) {
    String k = kind.trim().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "socket.io", "socketio", "socket-io" -> KIND_SOCKET_IO;
      default -> k;
    };
  }
}
