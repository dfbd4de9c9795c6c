package org.cdswebsocket.socketio.auth;

/**
 * A namespace connection is refused. The client receives a CONNECT_ERROR packet whose {@code
 * message} is {@link #getMessage()}, e.g. {@code 44/ws/chat,{"message":"401"}}, as from the Node
 * plugin; the reason for the log is kept separate so that clients learn nothing about it.
 */
public final class HandshakeRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The client-visible message for failed authentication. */
  public static final String UNAUTHORIZED = "401";

  private final String logReason;

  /**
   * @param clientMessage what the client sees in {@code connect_error.message}
   * @param logReason why, for the server log
   */
  public HandshakeRejectedException(String clientMessage, String logReason) {
    super(clientMessage);
    this.logReason = logReason;
  }

  /** An authentication failure ({@code "401"}) with a reason for the log. */
  public static HandshakeRejectedException unauthorized(String logReason) {
    return new HandshakeRejectedException(UNAUTHORIZED, logReason);
  }

  /** Why the handshake was refused (for logs only). */
  public String logReason() {
    return logReason;
  }
}
