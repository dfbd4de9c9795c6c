package org.cdswebsocket.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client-supplied text in logs. */
class LogSafeTest {

  @Test
  void lineBreaksAndControlCharactersCannotForgeLogLines() {
    assertThat(LogSafe.text("a\nINFO fake\r\u001b[31m\"x\\"))
        .isEqualTo("\"a\\nINFO fake\\r\\u001b[31m\\\"x\\\\\"");
  }

  @Test
  void longTextIsCut() {
    assertThat(LogSafe.text("x".repeat(1000))).hasSizeLessThan(LogSafe.MAX + 30).contains("1000");
  }

  @Test
  void nullStaysReadable() {
    assertThat(LogSafe.text(null)).isEqualTo("null");
  }
}
