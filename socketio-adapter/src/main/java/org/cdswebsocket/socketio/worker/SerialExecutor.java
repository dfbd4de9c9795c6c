package org.cdswebsocket.socketio.worker;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one session one after another, in submission order, on a shared {@link
 * WorkerPool}: a client's calls reach CAP in the order it sent them, while different sessions run
 * in parallel.
 *
 * <p>Bounded: at most {@code limit} client calls wait per session; {@link #offer(Runnable)} refuses
 * more, as it does when the pool is saturated. Lifecycle tasks ({@link #submit(Runnable)}) are
 * never refused. Thread-safe; a failing task is logged and does not stop the queue.
 */
public final class SerialExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final WorkerPool pool;
  private final int limit;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean running;

  /**
   * @param pool the shared worker pool
   * @param limit how many client calls may wait for this session
   */
  public SerialExecutor(WorkerPool pool, int limit) {
    this.pool = pool;
    this.limit = limit;
  }

  /** Queues a client call; returns {@code false} if the session or the pool is saturated. */
  public boolean offer(Runnable task) {
    synchronized (this) {
      if (tasks.size() >= limit) {
        return false;
      }
      tasks.add(task);
      if (running) {
        return true;
      }
      running = true;
    }
    if (pool.tryExecute(this::drain)) {
      return true;
    }
    synchronized (this) {
      // not running means the queue held nothing but this task
      tasks.clear();
      running = false;
    }
    return false;
  }

  /** Queues a task that must run (open, close), after the calls already queued. */
  public void submit(Runnable task) {
    synchronized (this) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    pool.execute(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable task;
      synchronized (this) {
        task = tasks.poll();
        if (task == null) {
          running = false;
          return;
        }
      }
      try {
        task.run();
      } catch (Throwable e) {
        // an Error (e.g. a NoSuchMethodError from a broken dependency) must not leave this
        // executor marked as running with nobody draining it: the socket would hang for good
        LOG.error("Socket.IO session task failed", e);
      }
    }
  }
}
