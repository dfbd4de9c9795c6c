package org.cdswebsocket.ws.endpoint;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.LogSafe;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.WebSocketMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClientSession} over a Jakarta WebSocket session.
 *
 * <p>{@link #send} only queues the frame; a {@link SendScheduler} thread drains the queue. A drain
 * that finds one frame sends it directly (the container writes header and text in one gathering
 * write); a drain that finds more enables the container's batching and flushes once at the end, so
 * frames queued together leave in one write. When more than {@code queueLimit} frames wait (a
 * client that does not read), the session is closed with 1013 instead of buffering without bound;
 * other sessions are unaffected.
 */
final class JakartaClientSession implements ClientSession {

  private static final Logger LOG = LoggerFactory.getLogger(JakartaClientSession.class);

  private final String id = UUID.randomUUID().toString();
  private final Session session;
  private final ClientInfo info;
  private final Set<String> contexts = ConcurrentHashMap.newKeySet();
  private final Queue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Runnable drainTask = this::drain;
  private final SendScheduler scheduler;
  private final int queueLimit;
  private final WebSocketMetrics metrics;

  JakartaClientSession(Session session, ClientInfo info, SendScheduler scheduler, int queueLimit) {
    this(session, info, scheduler, queueLimit, WebSocketMetrics.NONE);
  }

  JakartaClientSession(
      Session session,
      ClientInfo info,
      SendScheduler scheduler,
      int queueLimit,
      WebSocketMetrics metrics) {
    this.session = session;
    this.info = info;
    this.scheduler = scheduler;
    this.queueLimit = queueLimit;
    this.metrics = metrics;
  }

  /** Frames queued and not yet written. */
  int queued() {
    return queued.get();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ClientInfo info() {
    return info;
  }

  @Override
  public Set<String> contexts() {
    return contexts;
  }

  @Override
  public void send(OutboundPayload payload) {
    if (!session.isOpen()) {
      return;
    }
    if (queued.incrementAndGet() > queueLimit) {
      queued.decrementAndGet();
      LOG.warn(
          "A session of user {} does not read its messages; closing it", LogSafe.text(info.user()));
      if (session.isOpen()) {
        metrics.slowConsumerClosed(info.servicePath());
      }
      close(CloseCode.TRY_AGAIN_LATER, "Send queue limit exceeded");
      return;
    }
    queue.add(payload.text());
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (draining.compareAndSet(false, true)) {
      scheduler.submit(drainTask);
    }
  }

  private void drain() {
    try {
      String text = queue.poll();
      if (text != null) {
        sendQueued(session.getBasicRemote(), text);
      }
    } catch (IOException | IllegalStateException e) {
      LOG.debug("Writing to session {} failed: {}", id, e.toString());
      queue.clear();
      queued.set(0);
    } finally {
      draining.set(false);
      if (!queue.isEmpty() && session.isOpen()) {
        scheduleDrain();
      }
    }
  }

  /**
   * Sends {@code first} (just taken from the queue) and whatever waits behind it: a lone frame
   * directly, several with batching on and one flush at the end (batching off), in one write.
   */
  private void sendQueued(RemoteEndpoint.Basic remote, String first) throws IOException {
    queued.decrementAndGet();
    String next = queue.poll();
    if (next == null) {
      remote.sendText(first);
      return;
    }
    remote.setBatchingAllowed(true);
    try {
      remote.sendText(first);
      do {
        queued.decrementAndGet();
        remote.sendText(next);
      } while ((next = queue.poll()) != null);
    } finally {
      remote.setBatchingAllowed(false);
    }
  }

  @Override
  public void close(CloseCode code, String reason) {
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason));
      }
    } catch (IOException | IllegalStateException e) {
      LOG.debug("Closing session {} failed: {}", id, e.toString());
    }
  }

  @Override
  public boolean isOpen() {
    return session.isOpen();
  }

  @Override
  public Object nativeSession() {
    return session;
  }
}
