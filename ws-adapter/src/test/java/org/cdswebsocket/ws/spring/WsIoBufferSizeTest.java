package org.cdswebsocket.ws.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tomcat's WebSocket buffer size: set for kind ws only, a value already set wins. */
class WsIoBufferSizeTest {

  private String saved;

  @BeforeEach
  void clear() {
    saved = System.getProperty(WsIoBufferSize.TOMCAT_PROPERTY);
    System.clearProperty(WsIoBufferSize.TOMCAT_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(WsIoBufferSize.TOMCAT_PROPERTY);
    } else {
      System.setProperty(WsIoBufferSize.TOMCAT_PROPERTY, saved);
    }
  }

  @Test
  void kindWsSetsTheDefaultSize() {
    assertThat(WsIoBufferSize.apply(Map.of("cds.websocket.kind", "ws")::get)).isEqualTo(2048);
    assertThat(System.getProperty(WsIoBufferSize.TOMCAT_PROPERTY)).isEqualTo("2048");
  }

  @Test
  void theSettingChoosesTheSize() {
    Map<String, String> settings =
        Map.of("cds.websocket.kind", "ws", "cds.websocket.ws.io-buffer-size", "4096");
    assertThat(WsIoBufferSize.apply(settings::get)).isEqualTo(4096);
    assertThat(System.getProperty(WsIoBufferSize.TOMCAT_PROPERTY)).isEqualTo("4096");
  }

  @Test
  void aValueSetBeforeWins() {
    System.setProperty(WsIoBufferSize.TOMCAT_PROPERTY, "8192");
    assertThat(WsIoBufferSize.apply(Map.of("cds.websocket.kind", "ws")::get)).isEqualTo(8192);
    assertThat(System.getProperty(WsIoBufferSize.TOMCAT_PROPERTY)).isEqualTo("8192");
  }

  @Test
  void otherKindsAndDisabledLeaveTomcatAlone() {
    assertThat(WsIoBufferSize.apply(Map.of("cds.websocket.kind", "socket.io")::get)).isNull();
    assertThat(
            WsIoBufferSize.apply(
                Map.of("cds.websocket.kind", "ws", "cds.websocket.enabled", "false")::get))
        .isNull();
    assertThat(System.getProperty(WsIoBufferSize.TOMCAT_PROPERTY)).isNull();
  }

  @Test
  void aTooSmallSizeStopsTheStartNamingTheProperty() {
    Map<String, String> settings =
        Map.of("cds.websocket.kind", "ws", "cds.websocket.ws.io-buffer-size", "16");
    assertThatThrownBy(() -> WsIoBufferSize.apply(settings::get))
        .hasMessageContaining("cds.websocket.ws.io-buffer-size");
  }
}
