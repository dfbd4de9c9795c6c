package org.cdswebsocket.spi;

import java.util.Set;

/**
 * One open client connection, implemented by each transport adapter and used by core.
 *
 * <p>Lifecycle: the adapter creates the session when the handshake succeeded, hands it to {@link
 * ConnectionHandler#onOpen(ClientSession)} and calls {@link ConnectionHandler#onClose} exactly once
 * when the transport reports the close. After that {@link #isOpen()} returns {@code false}.
 *
 * <p>Threading: all methods are safe to call from any thread. {@link #send(OutboundPayload)} never
 * blocks on the network: adapters queue the payload and write it asynchronously, coalescing queued
 * frames into as few writes as possible. A session whose queue exceeds its bound is closed with
 * {@link CloseCode#TRY_AGAIN_LATER} rather than growing without limit.
 *
 * <p>Errors: {@code send} on a closed session is a no-op; transport errors are reported to {@link
 * ConnectionHandler#onError}.
 */
public interface ClientSession {

  /** A process-unique id of this session (never the transport's own session id). */
  String id();

  /** Who connected, captured at handshake. */
  ClientInfo info();

  /** The contexts this session has entered; a live, thread-safe set owned by the session. */
  Set<String> contexts();

  /** Queues one payload for this session. */
  void send(OutboundPayload payload);

  /**
   * The writer that delivers broadcasts to a group of this transport's sessions at once. Core
   * groups a broadcast's recipients by this value (compared by identity), so an adapter returns one
   * shared instance for all its sessions. The default sends to each session separately.
   */
  default SessionGroupWriter groupWriter() {
    return SessionGroupWriter.EACH_SESSION;
  }

  /** Closes the session with the given code and reason. */
  void close(CloseCode code, String reason);

  /** Whether the session can still receive messages. */
  boolean isOpen();

  /**
   * The native transport object (kind ws: the servlet container's {@code
   * jakarta.servlet.http.WebConnection} of the upgraded connection, {@code null} during {@code
   * onOpen}, which kind ws runs before the 101 leaves; kind socket.io: the {@code SocketIOClient}),
   * for applications that need transport features core does not offer.
   */
  Object nativeSession();
}
