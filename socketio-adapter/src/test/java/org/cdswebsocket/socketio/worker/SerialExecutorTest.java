package org.cdswebsocket.socketio.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

  private final WorkerPool pool = new WorkerPool(2, 10);

  @AfterEach
  void shutdown() {
    pool.shutdown(1_000);
  }

  @Test
  void anErrorInOneTaskDoesNotStopTheSessionsLaterTasks() throws Exception {
    SerialExecutor executor = new SerialExecutor(pool, 10);
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);

    executor.offer(
        () -> {
          ran.add("first");
          throw new NoSuchMethodError("broken dependency");
        });
    executor.offer(
        () -> {
          ran.add("second");
          done.countDown();
        });

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly("first", "second");
    CountDownLatch later = new CountDownLatch(1);
    assertThat(executor.offer(later::countDown)).isTrue();
    assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
