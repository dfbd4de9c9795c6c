package org.cdswebsocket.socketio.worker;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that run CAP work for Socket.IO clients, so that no CAP or database call ever blocks
 * a Netty event loop (netty-socketio gap G14).
 *
 * <p>Executors: a fixed pool with a bounded queue for client calls, which refuses work when full
 * (the caller answers with an error acknowledgement, code 503); a separate small pool with a
 * bounded queue for authenticating namespace connects, so that a flood of handshakes (or a slow
 * identity provider) never takes threads from CAP calls and CAP calls never delay handshakes; one
 * lifecycle thread with an unbounded queue for work that must not be lost, such as closing a
 * session (its queue is bounded in practice by the number of sessions); and one timer thread for
 * deadlines such as the connect timeout.
 *
 * <p>Thread-safe. {@link #shutdown(long)} stops accepting work and waits a bounded time.
 */
public final class WorkerPool {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final ThreadPoolExecutor calls;
  private final ThreadPoolExecutor authentication;
  private final ExecutorService lifecycle;
  private final ScheduledThreadPoolExecutor timer;

  /**
   * @param threads the number of worker threads (at least 1)
   * @param queueSize the number of waiting tasks before work is refused (at least 1)
   */
  public WorkerPool(int threads, int queueSize) {
    this(threads, queueSize, 2, 64);
  }

  /**
   * @param threads the number of worker threads (at least 1)
   * @param queueSize the number of waiting tasks before work is refused (at least 1)
   * @param authThreads the number of threads that authenticate connects (at least 1)
   * @param authQueueSize the number of connects waiting for authentication before further ones are
   *     refused (at least 1)
   */
  public WorkerPool(int threads, int queueSize, int authThreads, int authQueueSize) {
    if (threads < 1 || queueSize < 1 || authThreads < 1 || authQueueSize < 1) {
      throw new IllegalArgumentException("worker threads and queue sizes must be positive");
    }
    this.calls = bounded(threads, queueSize, "cds-socketio-worker-");
    this.authentication = bounded(authThreads, authQueueSize, "cds-socketio-auth-");
    this.lifecycle = Executors.newSingleThreadExecutor(threads("cds-socketio-lifecycle-"));
    this.timer = new ScheduledThreadPoolExecutor(1, threads("cds-socketio-timer-"));
    this.timer.setRemoveOnCancelPolicy(true);
  }

  private static ThreadPoolExecutor bounded(int threads, int queueSize, String prefix) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueSize),
            threads(prefix),
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Runs an authentication; returns {@code false} when its queue is full. */
  public boolean tryAuthenticate(Runnable task) {
    try {
      authentication.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Runs {@code task} once after {@code delayMillis}, on the timer thread; it must not block. */
  public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
    try {
      return timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null; // shutting down
    }
  }

  /** The client calls waiting for a worker thread. */
  public int queued() {
    return calls.getQueue().size();
  }

  /** Runs a client call; returns {@code false} when the pool is saturated. */
  public boolean tryExecute(Runnable task) {
    try {
      calls.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Runs work that must not be dropped, on the call pool if it has room, else on the lifecycle
   * thread.
   */
  public void execute(Runnable task) {
    if (!tryExecute(task)) {
      try {
        lifecycle.execute(task);
      } catch (RejectedExecutionException e) {
        LOG.debug("Worker pool is shut down; running task on the calling thread");
        task.run();
      }
    }
  }

  /** Stops accepting work and waits up to {@code timeoutMillis} for running tasks. */
  public void shutdown(long timeoutMillis) {
    calls.shutdown();
    authentication.shutdown();
    lifecycle.shutdown();
    timer.shutdownNow();
    try {
      if (!calls.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
        calls.shutdownNow();
      }
      if (!authentication.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
        authentication.shutdownNow();
      }
      lifecycle.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
