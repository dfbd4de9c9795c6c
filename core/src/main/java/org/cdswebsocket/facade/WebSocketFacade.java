package org.cdswebsocket.facade;

import java.util.Map;
import java.util.function.Consumer;
import org.cdswebsocket.spi.ClientSession;

/**
 * The per-socket API for CAP handlers that run for a socket: the Java counterpart of the Node
 * plugin's {@code req.context.ws.service}. Obtain it from {@link
 * org.cdswebsocket.WebSocketService#facade()} inside a handler invoked from a socket (an operation,
 * {@code wsConnect}, {@code wsContext}, a CRUD call).
 *
 * <pre>{@code
 * @On(event = "join")
 * public void join(JoinContext ctx) {
 *   WebSocketFacade socket = webSocketService.facade().orElseThrow();
 *   socket.enter("room-" + ctx.getRoom());
 *   socket.broadcast("joined", Map.of("user", ctx.getUserInfo().getName()), Map.of(), null);
 *   socket.onDisconnect(reason -> log.info("left: {}", reason));
 * }
 * }</pre>
 *
 * <p>Lifecycle: a facade is bound to one session; after the session closed, sends are no-ops and
 * context changes have no effect. Threading: all methods are thread-safe and may be used after the
 * handler returned (keep the facade, not the handler's context). Errors: emitting on a closed
 * session is ignored; {@link #emit}/{@link #broadcast} with an unknown format throw {@link
 * IllegalArgumentException}.
 */
public interface WebSocketFacade {

  /** The session of this socket; {@link ClientSession#nativeSession()} is the native socket. */
  ClientSession session();

  /** The qualified name of the CDS service the socket is connected to. */
  String serviceName();

  /** The absolute endpoint path, e.g. {@code /ws/chat}. */
  String path();

  /**
   * Sends an event to this socket only, composed with the event's format (the service format for
   * events the service does not model). Headers are the format headers ({@code ws} section).
   */
  void emit(String event, Object data, Map<String, ?> headers);

  /**
   * Broadcasts an event to the other clients of this endpoint and tenant (not to this socket).
   *
   * @param filter optional Node-style filter {@code {user: {include, exclude}, role: {...},
   *     context: {...}, identifier: {...}}}, or {@code null}
   */
  void broadcast(String event, Object data, Map<String, ?> headers, Map<String, ?> filter);

  /** Like {@link #broadcast} but this socket receives the event too. */
  void broadcastAll(String event, Object data, Map<String, ?> headers, Map<String, ?> filter);

  /** Enters an event context. */
  void enter(String context);

  /** Leaves an event context. */
  void exit(String context);

  /** Leaves all event contexts. */
  void reset();

  /** Closes the socket normally. */
  void disconnect();

  /**
   * Registers a callback that runs once after the socket closed (after {@code wsDisconnect}), with
   * the close reason (kind ws: the close code as text). A callback registered after the close never
   * runs. Exceptions of callbacks are logged.
   */
  void onDisconnect(Consumer<String> callback);
}
