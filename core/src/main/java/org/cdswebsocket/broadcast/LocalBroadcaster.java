package org.cdswebsocket.broadcast;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.metrics.CoreMetrics;
import org.cdswebsocket.recipients.Recipients;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.SessionGroupWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers broadcasts to the sessions of this node: collects the matching sessions, composes the
 * payload once and hands the whole group to the transport's {@link SessionGroupWriter}, so that the
 * transport pays its per-message overhead (thread hand-off, flush scheduling) once per broadcast
 * rather than once per session.
 *
 * <p>A broadcast that {@linkplain Recipients#requireRead requires READ access} to an entity reaches
 * only sessions whose user passes the {@link ReadAccess} check.
 *
 * <p>Thread-safe. A failing session is logged and skipped; the others still receive the event.
 */
public final class LocalBroadcaster implements Broadcaster {

  private static final Logger LOG = LoggerFactory.getLogger(LocalBroadcaster.class);

  private final SessionRegistry registry;
  private final PayloadComposer composer;
  private final ReadAccess readAccess;
  private final CoreMetrics metrics;

  /** A broadcaster that delivers CRUD broadcasts without READ checks (tests). */
  public LocalBroadcaster(SessionRegistry registry, PayloadComposer composer) {
    this(registry, composer, ReadAccess.ALL, CoreMetrics.NONE);
  }

  /**
   * @param readAccess decides READ access for broadcasts that require it
   * @param metrics records each broadcast's fan-out (sessions it was handed to)
   */
  public LocalBroadcaster(
      SessionRegistry registry,
      PayloadComposer composer,
      ReadAccess readAccess,
      CoreMetrics metrics) {
    this.registry = registry;
    this.composer = composer;
    this.readAccess = readAccess;
    this.metrics = metrics;
  }

  @Override
  public void broadcast(Broadcast broadcast) {
    Recipients recipients = broadcast.recipients();
    List<ClientSession> matches = new ArrayList<>();
    SessionGroupWriter writer = null;
    boolean mixed = false;
    for (ClientSession session : registry.candidates(recipients.tenant(), recipients.path())) {
      if (!session.isOpen() || !recipients.matches(session) || !mayRead(recipients, session)) {
        continue;
      }
      matches.add(session);
      SessionGroupWriter w = session.groupWriter();
      if (writer == null) {
        writer = w;
      } else if (w != writer) {
        mixed = true;
      }
    }
    if (matches.isEmpty()) {
      LOG.debug("Event {} has no recipients at {}", broadcast.event(), recipients.path());
      return;
    }
    OutboundPayload payload = composer.compose(broadcast);
    if (!mixed) {
      write(writer, matches, payload);
    } else {
      Map<SessionGroupWriter, List<ClientSession>> groups = new IdentityHashMap<>();
      for (ClientSession session : matches) {
        groups.computeIfAbsent(session.groupWriter(), w -> new ArrayList<>()).add(session);
      }
      groups.forEach((w, sessions) -> write(w, sessions, payload));
    }
    metrics.broadcastDelivered(recipients.path(), matches.size());
    LOG.debug(
        "Event {} handed to {} session(s) at {}",
        broadcast.event(),
        matches.size(),
        recipients.path());
  }

  private boolean mayRead(Recipients recipients, ClientSession session) {
    String entity = recipients.readableEntity();
    if (entity == null) {
      return true;
    }
    try {
      return readAccess.mayRead(session.info(), entity);
    } catch (RuntimeException e) {
      LOG.warn("READ check of {} for session {} failed; not delivering", entity, session.id(), e);
      return false;
    }
  }

  private static void write(
      SessionGroupWriter writer, List<ClientSession> sessions, OutboundPayload payload) {
    try {
      writer.write(sessions, payload);
    } catch (RuntimeException e) {
      LOG.warn("Event {} not delivered to {} session(s)", payload.event(), sessions.size(), e);
    }
  }
}
