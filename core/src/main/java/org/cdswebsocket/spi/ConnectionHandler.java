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

  /**
   * Decides, before the transport confirms a connection, whether this client may connect at all:
   * the endpoint exists, the client's user may use its service ({@code @requires}), and the client
   * identifier is within its limit. Adapters that can refuse a connect before confirming it
   * (Socket.IO CONNECT_ERROR) call this first; {@link #onOpen} checks again and closes a refused
   * session.
   *
   * <p>May block (authorization checks); call it where blocking is allowed.
   *
   * @return {@code null} to admit the client, else the refusal as HTTP-like status text: {@code
   *     "403"} (not authorized), {@code "404"} (unknown endpoint) or {@code "400"} (bad identifier)
   */
  default String refusal(ClientInfo client) {
    return null;
  }

  /**
   * A client completed its handshake. The session is registered for broadcasts unless it is refused
   * (see {@link #refusal}) or the service's {@code wsConnect} operation fails with 401 or 403; then
   * it is closed with {@link CloseCode#POLICY_VIOLATION}.
   */
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
