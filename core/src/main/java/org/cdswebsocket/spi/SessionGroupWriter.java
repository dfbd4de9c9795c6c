package org.cdswebsocket.spi;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one payload to a group of sessions at once: the transport's fast path for broadcasts.
 *
 * <p>A broadcast reaches many sessions with the same payload. Handing the whole group to the
 * transport lets it do the per-broadcast work once per thread or event loop (one task per sender
 * thread or event loop instead of one per session) instead of once per session. Core obtains the
 * writer from {@link ClientSession#groupWriter()} and calls {@link #write} with sessions that all
 * returned this writer; {@link ClientSession#send} stays the path for single messages (facade
 * emits, acknowledgements).
 *
 * <p>Lifecycle: a writer belongs to the transport and lives as long as its sessions; core keeps no
 * reference beyond one call.
 *
 * <p>Threading: {@link #write} may be called from any thread, concurrently. Like {@code send}, it
 * never blocks on the network. Per session, payloads keep the order of the {@code write} and {@code
 * send} calls made by one thread.
 *
 * <p>Errors: the outcome for each session is the same as if {@code send} had been called for it:
 * closed sessions are skipped, a session whose queue exceeds its bound is closed with {@link
 * CloseCode#TRY_AGAIN_LATER}, and the failure of one session never stops delivery to the others. An
 * exception escapes only if the whole group could not be handled.
 */
@FunctionalInterface
public interface SessionGroupWriter {

  /** The fallback for transports without a group path: {@code send} per session. */
  SessionGroupWriter EACH_SESSION = new EachSession();

  /**
   * Queues {@code payload} for every session in {@code sessions}.
   *
   * @param sessions open sessions whose {@link ClientSession#groupWriter()} is this writer; the
   *     list is not modified and not retained after the call
   * @param payload the composed payload, written unchanged to every session
   */
  void write(List<? extends ClientSession> sessions, OutboundPayload payload);

  /** Calls {@link ClientSession#send} for each session, logging and skipping failures. */
  final class EachSession implements SessionGroupWriter {

    private static final Logger LOG = LoggerFactory.getLogger(EachSession.class);

    private EachSession() {}

    @Override
    public void write(List<? extends ClientSession> sessions, OutboundPayload payload) {
      for (ClientSession session : sessions) {
        try {
          session.send(payload);
        } catch (RuntimeException e) {
          LOG.warn("Event {} not delivered to session {}", payload.event(), session.id(), e);
        }
      }
    }
  }
}
