package org.cdswebsocket.ws.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.junit.jupiter.api.Test;

/**
 * The container's default message buffers: lowered from the built-in 8 KB, configured ones kept.
 */
class ContainerBuffersTest {

  @Test
  void builtInDefaultsAreLowered() {
    WsWebSocketContainer container = new WsWebSocketContainer();
    assertThat(container.getDefaultMaxTextMessageBufferSize())
        .isEqualTo(CoreEndpoint.CONTAINER_DEFAULT_BUFFER);

    assertThat(CoreEndpoint.lowerContainerBuffers(container)).isTrue();

    assertThat(container.getDefaultMaxTextMessageBufferSize())
        .isEqualTo(CoreEndpoint.CONTAINER_BUFFER);
    assertThat(container.getDefaultMaxBinaryMessageBufferSize())
        .isEqualTo(CoreEndpoint.CONTAINER_BUFFER);
  }

  @Test
  void sizesTheApplicationConfiguredAreKept() {
    WsWebSocketContainer container = new WsWebSocketContainer();
    container.setDefaultMaxTextMessageBufferSize(65_536);
    container.setDefaultMaxBinaryMessageBufferSize(512);

    assertThat(CoreEndpoint.lowerContainerBuffers(container)).isFalse();

    assertThat(container.getDefaultMaxTextMessageBufferSize()).isEqualTo(65_536);
    assertThat(container.getDefaultMaxBinaryMessageBufferSize()).isEqualTo(512);
  }
}
