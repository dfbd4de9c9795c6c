package org.cdswebsocket.ws.endpoint;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that write queued frames to connections. One drain task per connection runs at a
 * time, so a connection's frames keep their order and leave in batches: all frames queued while a
 * drain runs go out in the next network write.
 *
 * <p>Hand-off: drains wait in one lock-free queue (the broadcasting thread adds while workers take,
 * so a lock here would be contended under bursts); a few workers (the configured number of sender
 * threads) take them one after the other. A broadcast to N connections therefore wakes at most that
 * many threads, not one task hand-off per connection; a worker ends when the queue is empty, and
 * the next drain starts one again. Drains never block (writes are non-blocking; a connection whose
 * client does not read waits for the container's write event), so a slow client never holds up a
 * worker.
 *
 * <p>Lifecycle: created with the server, {@link #shutdown()} when the application stops; drains
 * submitted after that are dropped. Thread-safe. A drain that throws (the drains of {@link
 * WsConnection} handle their own I/O failures) is logged and does not cost its worker.
 */
final class SendScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(SendScheduler.class);

  private final Queue<Runnable> ready = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final ThreadPoolExecutor pool;
  private final int limit;
  private volatile boolean stopped;

  /**
   * @param threads the number of workers (at least 1)
   */
  SendScheduler(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("At least one sender thread is needed, got " + threads);
    }
    this.limit = threads;
    this.pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads("cds-websocket-send-"));
  }

  /** Queues a drain; a worker runs it soon on another thread. */
  void submit(Runnable drain) {
    if (stopped) {
      return;
    }
    ready.add(drain);
    startWorkers();
  }

  /** Starts workers while drains wait and fewer than the limit run. */
  private void startWorkers() {
    while (!ready.isEmpty() && !stopped) {
      int current = running.get();
      if (current >= limit) {
        return;
      }
      if (running.compareAndSet(current, current + 1)) {
        try {
          pool.execute(new Worker());
        } catch (RejectedExecutionException e) {
          running.decrementAndGet(); // shut down meanwhile
          return;
        }
      }
    }
  }

  /** The number of workers allowed to run at once. */
  int threads() {
    return limit;
  }

  /** Stops the workers; queued drains are dropped. */
  void shutdown() {
    stopped = true;
    ready.clear();
    pool.shutdownNow();
  }

  /** Takes drains from the queue until it is empty. */
  private final class Worker implements Runnable {

    @Override
    public void run() {
      do {
        Runnable drain;
        while (!stopped && (drain = ready.poll()) != null) {
          try {
            drain.run();
          } catch (RuntimeException e) {
            LOG.error("A drain failed unexpectedly; its connection may stop receiving", e);
          }
        }
        running.decrementAndGet();
        // a drain queued after the last poll and before the decrement saw this worker as
        // running: take it over unless another worker is (re)started for it anyway
      } while (!stopped && !ready.isEmpty() && reenter());
    }

    private boolean reenter() {
      for (int current = running.get(); current < limit; current = running.get()) {
        if (running.compareAndSet(current, current + 1)) {
          return true;
        }
      }
      return false;
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
