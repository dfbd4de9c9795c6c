package org.cdswebsocket.ws.endpoint;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write queued frames to sessions. One drain task per session runs at a time, so
 * a session's frames keep their order and leave in batches: all frames queued while a drain runs
 * go out in the next network write.
 *
 * <p>Lifecycle: created with the endpoints, {@link #shutdown()} when the application stops.
 */
public final class SendScheduler {

  private final ExecutorService executor;

  /** @param threads the number of sender threads */
  public SendScheduler(int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "cds-websocket-send-" + counter.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor =
        new ThreadPoolExecutor(
            threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
  }

  void submit(Runnable drain) {
    executor.execute(drain);
  }

  /** Stops the sender threads; queued frames are dropped. */
  public void shutdown() {
    executor.shutdownNow();
  }
}
