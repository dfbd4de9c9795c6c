package org.cdswebsocket.spi;

/**
 * The core's side of the transport contract: adapters translate native callbacks into these calls
 * and decide nothing themselves.
 *
 * <p>Threading: every method may be called from any transport thread. Calls for one session are
 * never concurrent with each other: the servlet container serialises them for kind {@code ws}, and
 * the socket.io adapter runs them on one serial executor per socket. Calls for different sessions
 * run concurrently, so implementations are thread-safe. {@link #onMessage} runs the CAP call on the
 * calling thread: adapters whose threads must not block (Netty event loops) hand the call to a
 * worker first.
 *
 * <p>Errors: implementations never throw for bad client input; they log it, answer through the
 * {@link AckCallback} where one exists, and close the session only where the protocol requires it.
 */
public interface ConnectionHandler {

  /** A client completed its handshake; the session is registered for broadcasts. */
  void onOpen(ClientSession session);

  /**
   * A client sent a message.
   *
   * @param ack where to send the result, or {@code null} if the transport or client wants none
   */
  void onMessage(ClientSession session, InboundFrame frame, AckCallback ack);

  /** The transport closed; {@code reason} is the close code or Socket.IO disconnect reason. */
  void onClose(ClientSession session, String reason);

  /** The transport reported an error for this session. */
  void onError(ClientSession session, Throwable error);
}
