package org.cdswebsocket.ws.endpoint;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
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
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.SessionGroupWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClientSession} over a Jakarta WebSocket session.
 *
 * <p>{@link #send} only queues the frame and asks the session's {@link SendScheduler} shard to
 * drain it; broadcasts queue on many sessions and submit one task per shard ({@link
 * SendScheduler#write}). When the sender thread has a backlog (more frames for the session, or
 * more tasks for its shard) it writes with the container's batching enabled and flushes when it
 * has nothing else to do, so frames queued together leave in one write; a lone frame is written
 * through without batching, which saves the container's separate flush pass. When more
 * than {@code queueLimit} frames wait (a client that does not read), the session is closed with
 * 1013 instead of buffering without bound; other sessions are unaffected.
 *
 * <p>Threading: {@link #drain} and {@link #flush} run only under the session's drain lock (a
 * try-lock: a thread that finds it taken leaves the work to the holder, which re-submits the
 * session if it missed something), so the container's remote endpoint is never used concurrently
 * and frames keep their queue order.
 */
final class JakartaClientSession implements ClientSession {

  private static final Logger LOG = LoggerFactory.getLogger(JakartaClientSession.class);

  private final String id = UUID.randomUUID().toString();
  private final Session session;
  private final ClientInfo info;
  private final Set<String> contexts = ConcurrentHashMap.newKeySet();
  private final Queue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean lock = new AtomicBoolean();
  private volatile boolean missed;
  private final SendScheduler scheduler;
  private final SendScheduler.Shard shard;
  private final int queueLimit;
  // guarded by lock: the worker that wrote frames which are not flushed yet, or null
  private SendScheduler.Worker flushOwner;
  // guarded by lock: whether the container batches this session's frames (set on open)
  private boolean batching = true;

  JakartaClientSession(Session session, ClientInfo info, SendScheduler scheduler, int queueLimit) {
    this.session = session;
    this.info = info;
    this.scheduler = scheduler;
    this.shard = scheduler.assignShard();
    this.queueLimit = queueLimit;
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

  SendScheduler.Shard shard() {
    return shard;
  }

  @Override
  public SessionGroupWriter groupWriter() {
    return scheduler;
  }

  @Override
  public void send(OutboundPayload payload) {
    if (enqueue(payload)) {
      shard.submit(List.of(this));
    }
  }

  /**
   * Queues the frame without scheduling a drain; false if the session is closed or was just closed
   * because its queue is full.
   */
  boolean enqueue(OutboundPayload payload) {
    if (!session.isOpen()) {
      return false;
    }
    if (queued.incrementAndGet() > queueLimit) {
      queued.decrementAndGet();
      LOG.warn("Session {} of user {} does not read its messages; closing it", id, info.user());
      close(CloseCode.TRY_AGAIN_LATER, "Send queue limit exceeded");
      return false;
    }
    queue.add(payload.text());
    return true;
  }

  /** Writes all queued frames without flushing; the worker flushes later. */
  void drain(SendScheduler.Worker worker) {
    if (!tryLock()) {
      return;
    }
    try {
      boolean wrote = false;
      String text = queue.poll();
      if (text != null) {
        RemoteEndpoint.Basic remote = session.getBasicRemote();
        if (queue.isEmpty() && worker.shard.isIdle()) {
          // One message in flight: write it through at once. Batching would cost a second pass
          // through the container's send path (the flush) for the same single network write.
          if (batching) {
            batching = false;
            flushOwner = null;
            worker.writingSince = System.nanoTime();
            remote.setBatchingAllowed(false); // flushes what is still batched
          }
          queued.decrementAndGet();
          worker.writingSince = System.nanoTime();
          remote.sendText(text);
          return;
        }
        if (!batching) {
          batching = true;
          remote.setBatchingAllowed(true);
        }
        do {
          queued.decrementAndGet();
          worker.writingSince = System.nanoTime(); // per frame: only a blocked write is a stall
          remote.sendText(text);
          wrote = true;
        } while ((text = queue.poll()) != null);
      }
      if ((wrote || flushOwner != null) && flushOwner != worker) {
        flushOwner = worker;
        worker.markDirty(this);
      }
    } catch (IOException | IllegalStateException e) {
      failed(e);
    } finally {
      worker.writingSince = 0;
      unlock();
    }
  }

  /** Flushes the frames {@code worker} wrote, unless another worker took that over. */
  void flush(SendScheduler.Worker worker) {
    if (!tryLock()) {
      return;
    }
    try {
      if (flushOwner == worker) {
        flushOwner = null;
        worker.writingSince = System.nanoTime();
        session.getBasicRemote().flushBatch();
      }
    } catch (IOException | IllegalStateException e) {
      failed(e);
    } finally {
      worker.writingSince = 0;
      unlock();
    }
  }

  private void failed(Exception e) {
    LOG.debug("Writing to session {} failed: {}", id, e.toString());
    flushOwner = null;
    queue.clear();
    queued.set(0);
  }

  /**
   * Takes the drain lock; when it is held, notes the miss so that the holder re-submits the
   * session after releasing it, and tries once more (the holder may have released it meanwhile).
   */
  private boolean tryLock() {
    if (lock.compareAndSet(false, true)) {
      return true;
    }
    missed = true;
    return lock.compareAndSet(false, true);
  }

  private void unlock() {
    lock.set(false);
    if (missed) {
      missed = false;
      if (session.isOpen()) {
        shard.submit(List.of(this));
      }
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
