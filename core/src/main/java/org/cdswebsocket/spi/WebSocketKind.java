package org.cdswebsocket.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The transport kinds cds-websocket offers, as selected by {@code cds.websocket.kind}.
 *
 * <p>Spellings are normalised once, here: {@code ws} and {@code socket.io} (also {@code socketio}
 * and {@code socket-io}), in any case and with surrounding blanks. Each kind names the Maven
 * artifact whose adapter serves it, so that start-up errors can tell what to add.
 */
public enum WebSocketKind {

  /** Plain RFC 6455 WebSockets on the application's HTTP port. */
  WS("ws", "org.cdswebsocket:cds-websocket-ws"),

  /** Socket.IO 4 (Engine.IO 4) on netty-socketio. */
  SOCKET_IO("socket.io", "org.cdswebsocket:cds-websocket-socketio");

  private final String configName;
  private final String artifact;

  WebSocketKind(String configName, String artifact) {
    this.configName = configName;
    this.artifact = artifact;
  }

  /** The canonical name, as in {@code cds.websocket.kind} and the Node plugin. */
  public String configName() {
    return configName;
  }

  /** The Maven coordinates {@code groupId:artifactId} of the adapter that serves this kind. */
  public String artifact() {
    return artifact;
  }

  /**
   * Parses a configured kind.
   *
   * @throws IllegalArgumentException for a kind that is neither {@code ws} nor {@code socket.io},
   *     with a message that names the accepted values
   */
  public static WebSocketKind parse(String text) {
    String k = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "ws" -> WS;
      case "socket.io", "socketio", "socket-io" -> SOCKET_IO;
      default ->
          throw new IllegalArgumentException(
              "cds.websocket.kind '"
                  + text
                  + "' is not a known kind; use one of "
                  + Arrays.stream(values())
                      .map(WebSocketKind::configName)
                      .collect(Collectors.joining(", ")));
    };
  }

  @Override
  public String toString() {
    return configName;
  }
}
