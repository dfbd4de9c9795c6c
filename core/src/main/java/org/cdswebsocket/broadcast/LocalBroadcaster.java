package org.cdswebsocket.broadcast;

import org.cdswebsocket.recipients.Recipients;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.OutboundPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers broadcasts to the sessions of this node: composes the payload once, then queues it on
 * every matching session. Sessions coalesce queued frames into few network writes.
 *
 * <p>Thread-safe. A failing session is logged and skipped; the others still receive the event.
 */
public final class LocalBroadcaster implements Broadcaster {

  private static final Logger LOG = LoggerFactory.getLogger(LocalBroadcaster.class);

  private final SessionRegistry registry;
  private final PayloadComposer composer;

  public LocalBroadcaster(SessionRegistry registry, PayloadComposer composer) {
    this.registry = registry;
    this.composer = composer;
  }

  @Override
  public void broadcast(Broadcast broadcast) {
    Recipients recipients = broadcast.recipients();
    OutboundPayload payload = null;
    int delivered = 0;
    for (ClientSession session : registry.candidates(recipients.tenant(), recipients.path())) {
      if (!session.isOpen() || !recipients.matches(session)) {
        continue;
      }
      if (payload == null) {
        payload =
            composer.compose(
                broadcast.event(), broadcast.format(), broadcast.data(), broadcast.headers());
      }
      try {
        session.send(payload);
        delivered++;
      } catch (RuntimeException e) {
        LOG.warn("Event {} not delivered to session {}", broadcast.event(), session.id(), e);
      }
    }
    LOG.debug("Event {} delivered to {} session(s) at {}", broadcast.event(), delivered,
        recipients.path());
  }
}
