package org.cdswebsocket.socketio.worker;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * <p>Two executors: a fixed pool with a bounded queue for client calls, which refuses work when
 * full (the caller answers with an error acknowledgement, code 503), and one lifecycle thread with
 * an unbounded queue for work that must not be lost, such as closing a session; its queue is
 * bounded in practice by the number of sessions.
 *
 * <p>Thread-safe. {@link #shutdown(long)} stops accepting work and waits a bounded time.
 */
public final class WorkerPool {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final ThreadPoolExecutor calls;
  private final ExecutorService lifecycle;

  /**
   * @param threads the number of worker threads (at least 1)
   * @param queueSize the number of waiting tasks before work is refused (at least 1)
   */
  public WorkerPool(int threads, int queueSize) {
    if (threads < 1 || queueSize < 1) {
      throw new IllegalArgumentException("worker threads and queue size must be positive");
    }
    this.calls =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueSize),
            threads("cds-socketio-worker-"),
            new ThreadPoolExecutor.AbortPolicy());
    this.calls.allowCoreThreadTimeOut(true);
    this.lifecycle = Executors.newSingleThreadExecutor(threads("cds-socketio-lifecycle-"));
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
    lifecycle.shutdown();
    try {
      if (!calls.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
        calls.shutdownNow();
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
