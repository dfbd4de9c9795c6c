package org.cdswebsocket.ws.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SendScheduler}: drains run, at most {@code threads} at once, none after shutdown. */
class SendSchedulerTest {

  /** Only a bound against hanging on a broken scheduler; no test relies on how long things take. */
  private static final long WAIT_SECONDS = 5;

  private final List<SendScheduler> schedulers = new ArrayList<>();

  @AfterEach
  void shutDownSchedulers() {
    schedulers.forEach(SendScheduler::shutdown);
  }

  private SendScheduler scheduler(int threads) {
    SendScheduler scheduler = new SendScheduler(threads);
    schedulers.add(scheduler);
    return scheduler;
  }

  @Test
  void threadsIsTheConfiguredNumber() {
    assertThat(scheduler(1).threads()).isEqualTo(1);
    assertThat(scheduler(4).threads()).isEqualTo(4);
  }

  @Test
  void atLeastOneThreadIsNeeded() {
    assertThatThrownBy(() -> new SendScheduler(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SendScheduler(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void submittedDrainsRunOnAnotherThread() throws InterruptedException {
    SendScheduler scheduler = scheduler(2);
    CountDownLatch ran = new CountDownLatch(100);
    AtomicReference<Thread> runner = new AtomicReference<>();
    for (int i = 0; i < 100; i++) {
      scheduler.submit(
          () -> {
            runner.set(Thread.currentThread());
            ran.countDown();
          });
    }
    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(runner.get()).isNotSameAs(Thread.currentThread());
    assertThat(runner.get().isDaemon()).isTrue();
  }

  @Test
  void drainsSubmittedFromManyThreadsEachRunOnce() throws InterruptedException {
    SendScheduler scheduler = scheduler(3);
    int submitters = 4;
    int perSubmitter = 500;
    AtomicIntegerArray runs = new AtomicIntegerArray(submitters * perSubmitter);
    CountDownLatch ran = new CountDownLatch(submitters * perSubmitter);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < submitters; s++) {
      int base = s * perSubmitter;
      Thread thread =
          new Thread(
              () -> {
                awaitQuietly(go);
                for (int i = 0; i < perSubmitter; i++) {
                  int index = base + i;
                  scheduler.submit(
                      () -> {
                        runs.incrementAndGet(index);
                        ran.countDown();
                      });
                }
              });
      thread.start();
      threads.add(thread);
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("all drains ran").isTrue();
    for (int i = 0; i < runs.length(); i++) {
      assertThat(runs.get(i)).as("runs of drain %d", i).isEqualTo(1);
    }
  }

  @Test
  void drainsSubmittedWhileOthersRunAreNotLost() throws InterruptedException {
    // a drain that submits the next one: the hand-over between a finishing worker and a new
    // submission must not lose the submitted drain
    SendScheduler scheduler = scheduler(1);
    int chain = 2000;
    CountDownLatch ran = new CountDownLatch(chain);
    AtomicInteger remaining = new AtomicInteger(chain);
    Runnable[] link = new Runnable[1];
    link[0] =
        () -> {
          ran.countDown();
          if (remaining.decrementAndGet() > 0) {
            scheduler.submit(link[0]);
          }
        };
    scheduler.submit(link[0]);
    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void oneThreadRunsDrainsOneAfterTheOtherInOrder() throws InterruptedException {
    SendScheduler scheduler = scheduler(1);
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ran = new CountDownLatch(200);
    for (int i = 0; i < 200; i++) {
      int index = i;
      scheduler.submit(
          () -> {
            order.add(index);
            ran.countDown();
          });
    }
    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      expected.add(i);
    }
    assertThat(order).isEqualTo(expected);
  }

  @Test
  void atMostThreadsDrainsRunAtOnce() throws InterruptedException {
    int threads = 3;
    int drains = 40;
    SendScheduler scheduler = scheduler(threads);
    AtomicInteger active = new AtomicInteger();
    AtomicInteger maxActive = new AtomicInteger();
    CountDownLatch fullyBusy = new CountDownLatch(threads);
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(2 * drains);
    for (int i = 0; i < drains; i++) {
      scheduler.submit(
          () -> {
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            fullyBusy.countDown();
            awaitQuietly(gate);
            active.decrementAndGet();
            done.countDown();
          });
    }
    // all workers are held at the gate: as many run in parallel as allowed, and no more
    assertThat(fullyBusy.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(active.get()).isEqualTo(threads);
    for (int i = 0; i < drains; i++) {
      scheduler.submit(done::countDown); // more submissions while every worker is busy
    }
    assertThat(active.get()).isEqualTo(threads);
    assertThat(done.getCount()).isEqualTo(2 * drains);
    gate.countDown();
    assertThat(done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(maxActive.get()).isEqualTo(threads);
  }

  @Test
  void drainsQueuedAtShutdownAreDropped() throws InterruptedException {
    SendScheduler scheduler = scheduler(1);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Thread> worker = new AtomicReference<>();
    AtomicBoolean queuedRan = new AtomicBoolean();
    scheduler.submit(
        () -> {
          worker.set(Thread.currentThread());
          started.countDown();
          awaitQuietly(release);
        });
    scheduler.submit(() -> queuedRan.set(true)); // waits: the only worker is busy
    assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    scheduler.shutdown();
    AtomicBoolean lateRan = new AtomicBoolean();
    scheduler.submit(() -> lateRan.set(true));
    release.countDown();

    // once the only worker has ended, nothing can run any more: the pool is shut down
    worker.get().join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(worker.get().isAlive()).isFalse();
    assertThat(queuedRan).isFalse();
    assertThat(lateRan).isFalse();
  }

  @Test
  void drainsSubmittedAfterShutdownAreDropped() {
    SendScheduler scheduler = scheduler(2);
    scheduler.shutdown();
    AtomicBoolean ran = new AtomicBoolean();
    scheduler.submit(() -> ran.set(true)); // neither runs nor throws
    assertThat(ran).isFalse();
    scheduler.shutdown(); // a second shutdown is harmless
  }

  @Test
  void aDrainThatThrowsDoesNotStopLaterDrains() throws InterruptedException {
    SendScheduler scheduler = scheduler(1);
    CountDownLatch thrown = new CountDownLatch(1);
    scheduler.submit(
        () -> {
          thrown.countDown();
          throw new IllegalArgumentException("a drain failed (expected by this test)");
        });
    assertThat(thrown.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    CountDownLatch ran = new CountDownLatch(1);
    scheduler.submit(ran::countDown);
    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("a drain submitted after one that threw runs")
        .isTrue();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
