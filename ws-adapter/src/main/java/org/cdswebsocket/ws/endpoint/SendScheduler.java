package org.cdswebsocket.ws.endpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write queued frames to sessions. One drain task per session runs at a time, so a
 * session's frames keep their order and leave in batches: all frames queued while a drain runs go
 * out in the next network write.
 *
 * <p>Slow consumers: a write to a client that does not read blocks its sender thread until the
 * client reads or the container's send timeout ({@code cds.websocket.ws.send-timeout}) closes it.
 * So that such clients never hold up the others, a watchdog counts the threads stuck in one drain
 * for longer than {@link #STALL_MILLIS} and adds as many threads (up to {@link #MAX_EXTRA_THREADS}
 * more); the extra threads end once the stalls are over.
 *
 * <p>Lifecycle: created with the endpoints, {@link #shutdown()} when the application stops.
 * Thread-safe.
 */
public final class SendScheduler {

  /** A drain running longer than this counts as stalled by a slow client. */
  static final long STALL_MILLIS = 200;

  /** How many threads may be added for stalled drains. */
  static final int MAX_EXTRA_THREADS = 64;

  private final int baseThreads;
  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService watchdog;
  private final Map<Thread, Long> drainStarts = new ConcurrentHashMap<>();

  /**
   * @param threads the number of sender threads while no client stalls
   */
  public SendScheduler(int threads) {
    this.baseThreads = threads;
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads + MAX_EXTRA_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("cds-websocket-send-"));
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("cds-websocket-send-watchdog-"));
    watchdog.scheduleWithFixedDelay(
        this::adjustThreads, STALL_MILLIS / 2, STALL_MILLIS / 2, TimeUnit.MILLISECONDS);
  }

  void submit(Runnable drain) {
    executor.execute(
        () -> {
          Thread current = Thread.currentThread();
          drainStarts.put(current, System.nanoTime());
          try {
            drain.run();
          } finally {
            drainStarts.remove(current);
          }
        });
  }

  private void adjustThreads() {
    long stalledBefore = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);
    int stalled = (int) drainStarts.values().stream().filter(t -> t < stalledBefore).count();
    int wanted = baseThreads + Math.min(stalled, MAX_EXTRA_THREADS);
    if (wanted != executor.getCorePoolSize()) {
      // Growing starts threads for queued drains at once; shrinking ends idle extra threads.
      executor.setCorePoolSize(wanted);
    }
  }

  /** The current number of sender threads the pool keeps (for tests and monitoring). */
  int threads() {
    return executor.getCorePoolSize();
  }

  /** Stops the sender threads; queued frames are dropped. */
  public void shutdown() {
    watchdog.shutdownNow();
    executor.shutdownNow();
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
