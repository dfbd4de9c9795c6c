package org.cdswebsocket.format;

/**
 * How the transport carries messages, which decides what a {@link MessageFormat} produces and
 * receives.
 */
public enum SocketKind {
  /**
   * Kind {@code ws}: every message is one text frame; {@link MessageFormat#compose} must return a
   * {@link String} (any other value is written as JSON text).
   */
  WS,
  /**
   * Kind {@code socket.io}: the transport carries the event name and encodes the event argument
   * itself; {@link MessageFormat#compose} may return a string or a JSON-compatible value (map,
   * list, number, boolean), which becomes the event's argument.
   */
  SOCKET_IO
}
