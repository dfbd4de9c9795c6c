package org.cdswebsocket.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void controlCharactersAreEscaped() {
    assertThat(LogText.of("a\r\nb\tc\u0000d\u2028e")).isEqualTo("a\\r\\nb\\tc\\u0000d\\u2028e");
  }

  @Test
  void longTextIsCut() {
    String text = LogText.of("x".repeat(1000));
    assertThat(text).startsWith("x".repeat(LogText.MAX_LENGTH)).endsWith("...(1000 chars)");
  }

  @Test
  void nullIsWrittenAsNull() {
    assertThat(LogText.of(null)).isEqualTo("null");
  }
}
