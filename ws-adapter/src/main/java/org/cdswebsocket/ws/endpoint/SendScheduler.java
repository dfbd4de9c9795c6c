package org.cdswebsocket.ws.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.SessionGroupWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that write queued frames to sessions, and the {@link SessionGroupWriter} of kind
 * {@code ws}.
 *
 * <p>Sessions are assigned round-robin to a fixed number of shards; each shard has one sender
 * thread and a task queue. A broadcast queues the frame on every session and submits <em>one</em>
 * task per shard (the list of that shard's sessions), not one per session. The sender thread
 * drains each listed session's queue into the container with batching enabled and flushes the
 * sessions it wrote to once its task queue is empty, so in a burst many frames leave in one network
 * write, and one message in flight costs one thread hand-off per shard instead of per session.
 *
 * <p>Ordering: a session's frames sit in its own FIFO queue and are only written under its drain
 * lock, so they leave in the order they were queued, whichever thread writes them.
 *
 * <p>Slow consumers: a write that blocks (the client does not read) holds up only the thread doing
 * it. A watchdog checks every shard; when its thread has been inside one session's write for longer
 * than the stall limit, a fresh thread takes over the shard's queue and re-runs the interrupted
 * task, skipping the blocked session (its lock is held). The blocked thread finishes or fails its
 * write (bounded by the container's send timeout) and then ends. Meanwhile the blocked session's
 * queue grows until its limit closes it with 1013.
 *
 * <p>Lifecycle: created with the endpoints, {@link #shutdown()} when the application stops.
 * Thread-safe.
 */
public final class SendScheduler implements SessionGroupWriter {

  private static final Logger LOG = LoggerFactory.getLogger(SendScheduler.class);

  /** How long one session's write may hold up its shard before another thread takes over. */
  static final long DEFAULT_STALL_MILLIS = 200;

  private final Shard[] shards;
  private final AtomicInteger nextShard = new AtomicInteger();
  private final AtomicInteger threadCounter = new AtomicInteger();
  private final long stallNanos;
  private final ScheduledExecutorService watchdog;
  private volatile boolean stopped;

  /**
   * @param threads the number of shards, each with its own sender thread
   */
  public SendScheduler(int threads) {
    this(threads, DEFAULT_STALL_MILLIS);
  }

  SendScheduler(int threads, long stallMillis) {
    if (threads < 1) {
      throw new IllegalArgumentException("sender threads must be at least 1: " + threads);
    }
    this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
    this.shards = new Shard[threads];
    for (int i = 0; i < threads; i++) {
      shards[i] = new Shard(i);
      shards[i].startWorker();
    }
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cds-websocket-send-watchdog");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(1, stallMillis / 2);
    watchdog.scheduleWithFixedDelay(this::checkStalls, period, period, TimeUnit.MILLISECONDS);
  }

  /** The shard a new session is assigned to, for its whole life (round-robin). */
  Shard assignShard() {
    return shards[Math.floorMod(nextShard.getAndIncrement(), shards.length)];
  }

  /** Queues {@code payload} on every session and submits one drain task per shard. */
  @Override
  public void write(List<? extends ClientSession> sessions, OutboundPayload payload) {
    List<List<JakartaClientSession>> perShard = new ArrayList<>(shards.length);
    for (int i = 0; i < shards.length; i++) {
      perShard.add(null);
    }
    for (ClientSession session : sessions) {
      if (!(session instanceof JakartaClientSession s)) {
        session.send(payload); // not ours; cannot happen when core groups by writer
        continue;
      }
      if (!s.enqueue(payload)) {
        continue;
      }
      int index = s.shard().index;
      List<JakartaClientSession> list = perShard.get(index);
      if (list == null) {
        list = new ArrayList<>(sessions.size() / shards.length + 1);
        perShard.set(index, list);
      }
      list.add(s);
    }
    for (int i = 0; i < shards.length; i++) {
      List<JakartaClientSession> list = perShard.get(i);
      if (list != null) {
        shards[i].submit(list);
      }
    }
  }

  private void checkStalls() {
    long now = System.nanoTime();
    for (Shard shard : shards) {
      Worker worker = shard.worker;
      long since = worker.writingSince;
      if (since != 0 && now - since > stallNanos && !stopped) {
        shard.replaceStalled(worker);
      }
    }
  }

  /** Stops the sender threads; queued frames are dropped. */
  public void shutdown() {
    stopped = true;
    watchdog.shutdownNow();
    for (Shard shard : shards) {
      shard.worker.thread.interrupt();
    }
  }

  /** One sender thread's share of the sessions: a task queue and the thread that runs it. */
  final class Shard {

    final int index;
    private final LinkedBlockingQueue<List<JakartaClientSession>> tasks =
        new LinkedBlockingQueue<>();
    volatile Worker worker;

    Shard(int index) {
      this.index = index;
    }

    void submit(List<JakartaClientSession> sessions) {
      tasks.add(sessions);
    }

    /** Whether no task waits for this shard's thread (a hint: more may arrive at any time). */
    boolean isIdle() {
      return tasks.isEmpty();
    }

    void startWorker() {
      Worker w = new Worker(this);
      worker = w;
      w.thread.start();
    }

    synchronized void replaceStalled(Worker stalled) {
      if (worker != stalled || stalled.writingSince == 0) {
        return;
      }
      LOG.warn(
          "Sender thread {} is blocked writing to a slow client; another thread takes over its"
              + " sessions",
          stalled.thread.getName());
      startWorker();
      // The new thread re-runs what the stalled one had not finished and takes over the flushes
      // it still owed; sessions already drained find their queues empty, the blocked one is
      // locked and skipped.
      List<JakartaClientSession> unfinished = stalled.current;
      if (unfinished != null) {
        tasks.add(unfinished);
      }
      List<JakartaClientSession> unflushed = stalled.dirtySnapshot();
      if (!unflushed.isEmpty()) {
        tasks.add(unflushed);
      }
    }
  }

  /** The thread of a shard; detached (and ending) once a stalled write made it be replaced. */
  final class Worker implements Runnable {

    final Shard shard;
    final Thread thread;
    private List<JakartaClientSession> dirty = new ArrayList<>(); // guarded by this
    volatile long writingSince;
    volatile List<JakartaClientSession> current;

    Worker(Shard shard) {
      this.shard = shard;
      this.thread =
          new Thread(
              this, "cds-websocket-send-" + shard.index + "-" + threadCounter.incrementAndGet());
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      try {
        while (!stopped) {
          List<JakartaClientSession> task = shard.tasks.poll();
          if (task == null) {
            flushDirty();
            if (shard.worker != this) {
              return;
            }
            task = shard.tasks.take();
          }
          current = task;
          for (JakartaClientSession session : task) {
            session.drain(this);
          }
          current = null;
          if (shard.worker != this) {
            flushDirty();
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("Sender thread {} failed", thread.getName(), e);
        if (shard.worker == this && !stopped) {
          shard.startWorker();
        }
      }
    }

    /** Called by a session that wrote frames without flushing them. */
    synchronized void markDirty(JakartaClientSession session) {
      dirty.add(session);
    }

    synchronized List<JakartaClientSession> dirtySnapshot() {
      return new ArrayList<>(dirty);
    }

    private void flushDirty() {
      List<JakartaClientSession> batch;
      synchronized (this) {
        if (dirty.isEmpty()) {
          return;
        }
        batch = dirty;
        dirty = new ArrayList<>();
      }
      current = batch; // a flush can block too; a replacement re-runs the batch
      for (JakartaClientSession session : batch) {
        session.flush(this);
      }
      current = null;
    }
  }
}
