package org.cdswebsocket.ws.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The per-connection frame queue: order across growth and wrap-around, the limit, clearing. */
class FrameQueueTest {

  private static byte[] frame(int i) {
    return new byte[] {(byte) i, (byte) (i >>> 8)};
  }

  private static int id(byte[] frame) {
    return (frame[0] & 0xFF) | ((frame[1] & 0xFF) << 8);
  }

  @Test
  void keepsOrderWhileGrowingAndWrappingAround() {
    FrameQueue queue = new FrameQueue(1000);
    List<Integer> taken = new ArrayList<>();
    int next = 0;
    for (int round = 0; round < 50; round++) {
      for (int i = 0; i < 1 + round % 13; i++) {
        assertThat(queue.offer(frame(next++))).isTrue();
      }
      for (int i = 0; i < 1 + round % 7 && !queue.isEmpty(); i++) {
        taken.add(id(queue.poll()));
      }
    }
    byte[] f;
    while ((f = queue.poll()) != null) {
      taken.add(id(f));
    }
    assertThat(taken).hasSize(next);
    for (int i = 0; i < next; i++) {
      assertThat(taken.get(i)).isEqualTo(i);
    }
    assertThat(queue.size()).isZero();
  }

  @Test
  void refusesFramesBeyondItsLimitButTakesControlFrames() {
    FrameQueue queue = new FrameQueue(3);
    assertThat(queue.offer(frame(1))).isTrue();
    assertThat(queue.offer(frame(2))).isTrue();
    assertThat(queue.offer(frame(3))).isTrue();
    assertThat(queue.offer(frame(4))).isFalse();
    queue.force(frame(5));
    assertThat(queue.size()).isEqualTo(4);
    assertThat(id(queue.poll())).isEqualTo(1);
  }

  @Test
  void replaceAllWithLeavesOnlyThatFrame() {
    FrameQueue queue = new FrameQueue(10);
    queue.offer(frame(1));
    queue.offer(frame(2));
    queue.replaceAllWith(frame(9));
    assertThat(queue.size()).isEqualTo(1);
    assertThat(id(queue.poll())).isEqualTo(9);
    assertThat(queue.poll()).isNull();
    queue.clear();
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void oneProducerAndOneConsumerSeeEveryFrameInOrder() throws Exception {
    FrameQueue queue = new FrameQueue(Integer.MAX_VALUE);
    int count = 20_000;
    CountDownLatch done = new CountDownLatch(1);
    List<Integer> taken = new ArrayList<>();
    Thread consumer =
        new Thread(
            () -> {
              while (taken.size() < count) {
                byte[] f = queue.poll();
                if (f != null) {
                  taken.add(id(f) + 65_536 * (taken.size() / 65_536));
                }
              }
              done.countDown();
            });
    consumer.start();
    for (int i = 0; i < count; i++) {
      queue.offer(frame(i));
    }
    done.await();
    for (int i = 0; i < count; i++) {
      assertThat(taken.get(i)).isEqualTo(i);
    }
  }
}
