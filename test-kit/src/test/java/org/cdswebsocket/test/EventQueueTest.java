package org.cdswebsocket.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  private final EventQueue<String> queue = new EventQueue<>();

  @Test
  void nextSkipsOtherEventsAndKeepsLaterOnes() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("c");

    assertThat(queue.next("b"::equals, "'b'", Duration.ZERO)).isEqualTo("b");
    assertThat(queue.next("c"::equals, "'c'", Duration.ZERO)).isEqualTo("c");
  }

  @Test
  void nextFailsNamingTheMissingEventWhenNothingMatches() {
    queue.add("a");

    assertThatThrownBy(() -> queue.next("b"::equals, "'b'", Duration.ofMillis(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No 'b' within");
  }

  @Test
  void nextReturnsAnEventAddedByAnotherThreadWhileWaiting() throws Exception {
    CompletableFuture<Void> producer =
        CompletableFuture.runAsync(
            () -> {
              queue.add("x");
              queue.add("late");
            });

    assertThat(queue.next("late"::equals, "'late'", Duration.ofSeconds(10))).isEqualTo("late");
    producer.join();
  }

  @Test
  void untilReturnsEverythingUpToTheMarker() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("marker");
    queue.add("after");

    assertThat(queue.until("marker"::equals, "'marker'", Duration.ZERO))
        .containsExactly("a", "b", "marker");
    assertThat(queue.collect(Duration.ZERO)).containsExactly("after");
  }

  @Test
  void untilFailsListingWhatArrivedInstead() {
    queue.add("a");

    assertThatThrownBy(() -> queue.until("marker"::equals, "'marker'", Duration.ofMillis(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No 'marker'")
        .hasMessageContaining("got [a]");
  }
}
