package org.cdswebsocket.socketio.protocol;

/**
 * A packet that violates the Engine.IO v4 / Socket.IO v5 grammar. The connection that sent it is
 * closed, as the reference server does (netty-socketio gap G10).
 */
public final class PacketFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a short, log-safe description. */
  public PacketFormatException(String message) {
    super(message);
  }
}
