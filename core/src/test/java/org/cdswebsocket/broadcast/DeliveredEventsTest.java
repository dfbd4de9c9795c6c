package org.cdswebsocket.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveredEventsTest {

  @Test
  void repeatsAreRecognisedAndOldIdsForgotten() {
    DeliveredEvents cut = new DeliveredEvents(2);

    assertThat(cut.firstDelivery("a")).isTrue();
    assertThat(cut.firstDelivery("a")).isFalse();
    assertThat(cut.firstDelivery("b")).isTrue();
    assertThat(cut.firstDelivery("c")).isTrue();
    assertThat(cut.firstDelivery("a")).isTrue();
  }
}
