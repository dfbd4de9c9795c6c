package org.cdswebsocket.ws.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.SessionGroupWriter;
import org.cdswebsocket.spi.WebSocketMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-session order, flushing, slow-client isolation and the queue-limit close of kind ws. Never
 * asserts timings: waits are bounded only to fail instead of hanging.
 */
class SendSchedulerTest {

  private static final long WAIT_MILLIS = 20_000;

  private SendScheduler scheduler;
  private final List<CountDownLatch> toRelease = new ArrayList<>();

  @AfterEach
  void stop() {
    toRelease.forEach(CountDownLatch::countDown);
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }

  @Test
  void broadcastsAndSingleSendsKeepTheirOrderPerSessionAndAreFlushed() throws Exception {
    scheduler = new SendScheduler(2);
    List<FakeWsSession> fakes = new ArrayList<>();
    List<JakartaClientSession> sessions = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      FakeWsSession fake = new FakeWsSession();
      fakes.add(fake);
      sessions.add(
          new JakartaClientSession(fake.session, FakeWsSession.info("u" + i), scheduler, 10_000));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String text = "m" + i;
      expected.add(text);
      if (i % 10 == 0) {
        for (JakartaClientSession s : sessions) {
          s.send(OutboundPayload.text("e", text));
        }
      } else {
        SessionGroupWriter.EACH_SESSION.write(sessions, OutboundPayload.text("e", text));
      }
    }

    for (FakeWsSession fake : fakes) {
      await(() -> fake.received().size() == expected.size() && fake.allFlushed());
      assertThat(fake.received()).containsExactlyElementsOf(expected);
      assertThat(fake.concurrentUse).isFalse();
    }
  }

  @Test
  void aBlockedClientDoesNotHoldUpTheOthersAndIsClosedAtItsQueueLimit() throws Exception {
    scheduler = new SendScheduler(2); // the blocked client occupies one of the two threads
    FakeWsSession slow = new FakeWsSession();
    CountDownLatch never = new CountDownLatch(1);
    toRelease.add(never);
    slow.blockWrites = never;
    FakeWsSession fast1 = new FakeWsSession();
    FakeWsSession fast2 = new FakeWsSession();
    int limit = 20;
    List<JakartaClientSession> sessions =
        List.of(
            new JakartaClientSession(fast1.session, FakeWsSession.info("f1"), scheduler, limit),
            new JakartaClientSession(slow.session, FakeWsSession.info("slow"), scheduler, limit),
            new JakartaClientSession(fast2.session, FakeWsSession.info("f2"), scheduler, limit));

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String text = "m" + i;
      expected.add(text);
      SessionGroupWriter.EACH_SESSION.write(sessions, OutboundPayload.text("e", text));
      // a window-1 style sender: wait until the fast clients got the message
      int count = i + 1;
      await(() -> fast1.received().size() == count && fast2.received().size() == count);
    }

    assertThat(fast1.received()).containsExactlyElementsOf(expected);
    assertThat(fast2.received()).containsExactlyElementsOf(expected);
    await(() -> fast1.allFlushed() && fast2.allFlushed());
    assertThat(slow.closeReason).isNotNull();
    assertThat(slow.closeReason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
    assertThat(slow.received()).isEmpty();
    assertThat(fast1.closeReason).isNull();
    assertThat(fast2.closeReason).isNull();
  }

  @Test
  void moreBlockedClientsThanSenderThreadsDoNotHoldUpTheOthers() throws Exception {
    scheduler = new SendScheduler(2);
    CountDownLatch never = new CountDownLatch(1);
    toRelease.add(never);
    List<JakartaClientSession> sessions = new ArrayList<>();
    List<FakeWsSession> fast = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      FakeWsSession slow = new FakeWsSession();
      slow.blockWrites = never;
      sessions.add(
          new JakartaClientSession(slow.session, FakeWsSession.info("slow" + i), scheduler, 1000));
    }
    for (int i = 0; i < 2; i++) {
      FakeWsSession fake = new FakeWsSession();
      fast.add(fake);
      sessions.add(
          new JakartaClientSession(fake.session, FakeWsSession.info("fast" + i), scheduler, 1000));
    }

    for (int i = 0; i < 20; i++) {
      SessionGroupWriter.EACH_SESSION.write(sessions, OutboundPayload.text("e", "m" + i));
      int count = i + 1;
      await(() -> fast.stream().allMatch(f -> f.received().size() == count));
    }

    assertThat(scheduler.threads()).isGreaterThan(2);
    for (FakeWsSession f : fast) {
      assertThat(f.closeReason).isNull();
    }
  }

  @Test
  void aSessionOverItsQueueLimitIsClosedWith1013AndGetsNothingMore() throws Exception {
    scheduler = new SendScheduler(1);
    FakeWsSession fake = new FakeWsSession();
    CountDownLatch release = new CountDownLatch(1);
    toRelease.add(release);
    fake.blockWrites = release;
    JakartaClientSession session =
        new JakartaClientSession(fake.session, FakeWsSession.info("u"), scheduler, 5);

    for (int i = 0; i < 50; i++) {
      session.send(OutboundPayload.text("e", "m" + i));
    }

    assertThat(fake.closeReason).isNotNull();
    assertThat(fake.closeReason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
    assertThat(session.isOpen()).isFalse();
    release.countDown();
    session.send(OutboundPayload.text("e", "late"));
    assertThat(fake.received()).doesNotContain("late");
  }

  @Test
  void aSlowConsumerCloseIsReportedOnceWithItsEndpointPath() throws Exception {
    scheduler = new SendScheduler(1);
    FakeWsSession fake = new FakeWsSession();
    CountDownLatch release = new CountDownLatch(1);
    toRelease.add(release);
    fake.blockWrites = release;
    List<String> closes = new CopyOnWriteArrayList<>();
    WebSocketMetrics metrics =
        new WebSocketMetrics() {
          @Override
          public void slowConsumerClosed(String path) {
            closes.add(path);
          }
        };
    ClientInfo info = FakeWsSession.info("u");
    JakartaClientSession session =
        new JakartaClientSession(fake.session, info, scheduler, 5, metrics);

    for (int i = 0; i < 50; i++) {
      session.send(OutboundPayload.text("e", "m" + i));
    }

    assertThat(closes).containsExactly(info.servicePath());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + WAIT_MILLIS + " ms");
      }
      Thread.sleep(2);
    }
  }
}
