package org.cdswebsocket.ws.endpoint;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write queued frames to sessions. One drain task per session runs at a time, so a
 * session's frames keep their order and leave in batches: all frames queued while a drain runs go
 * out in the next network write.
 *
 * <p>Hand-off: drains wait in one lock-free queue; a few workers (the configured number of sender
 * threads) take them one after the other. A broadcast to N sessions therefore wakes at most that
 * many threads, not one task hand-off per session; a worker ends when the queue is empty, and the
 * next drain starts one again.
 *
 * <p>Slow consumers: a write to a client that does not read blocks its worker until the client
 * reads or the container's send timeout ({@code cds.websocket.ws.send-timeout}) closes it. So that
 * such clients never hold up the others, a watchdog counts the workers stuck in one drain for
 * longer than {@link #STALL_MILLIS} and allows as many more workers (up to {@link
 * #MAX_EXTRA_THREADS}); the allowance shrinks again once the stalls are over.
 *
 * <p>Lifecycle: created with the endpoints, {@link #shutdown()} when the application stops; drains
 * submitted after that are dropped. Thread-safe. A drain that throws is logged by nobody here: the
 * drains of {@link JakartaClientSession} handle their own failures.
 */
public final class SendScheduler {

  /** A drain running longer than this counts as stalled by a slow client. */
  static final long STALL_MILLIS = 200;

  /** How many workers may be added for stalled drains. */
  static final int MAX_EXTRA_THREADS = 64;

  private final int baseThreads;
  private final Queue<Runnable> ready = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService watchdog;
  private volatile int limit;
  private volatile boolean stopped;

  /**
   * @param threads the number of workers while no client stalls (at least 1)
   */
  public SendScheduler(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("At least one sender thread is needed, got " + threads);
    }
    this.baseThreads = threads;
    this.limit = threads;
    this.pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads("cds-websocket-send-"));
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("cds-websocket-send-watchdog-"));
    watchdog.scheduleWithFixedDelay(
        this::adjustLimit, STALL_MILLIS / 2, STALL_MILLIS / 2, TimeUnit.MILLISECONDS);
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

  private void adjustLimit() {
    long stalledBefore = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);
    int stalled = 0;
    for (Worker worker : workers) {
      long start = worker.drainStart;
      if (start != 0 && start - stalledBefore < 0) {
        stalled++;
      }
    }
    limit = baseThreads + Math.min(stalled, MAX_EXTRA_THREADS);
    startWorkers(); // drains waiting behind stalled workers get new ones at once
  }

  /** The current number of workers allowed to run at once (for tests and monitoring). */
  int threads() {
    return limit;
  }

  /** Stops the workers; queued drains are dropped. */
  public void shutdown() {
    stopped = true;
    ready.clear();
    watchdog.shutdownNow();
    pool.shutdownNow();
  }

  /** Takes drains from the queue until it is empty. */
  private final class Worker implements Runnable {

    /** {@link System#nanoTime()} when the running drain started; 0 while between drains. */
    volatile long drainStart;

    @Override
    public void run() {
      workers.add(this);
      try {
        do {
          Runnable drain;
          while (!stopped && (drain = ready.poll()) != null) {
            drainStart = nonZeroNanoTime();
            try {
              drain.run();
            } finally {
              drainStart = 0;
            }
          }
          running.decrementAndGet();
          // a drain queued after the last poll and before the decrement saw this worker as
          // running: take it over unless another worker is (re)started for it anyway
        } while (!stopped && !ready.isEmpty() && reenter());
      } finally {
        workers.remove(this);
      }
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

  private static long nonZeroNanoTime() {
    long now = System.nanoTime();
    return now == 0 ? 1 : now;
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
