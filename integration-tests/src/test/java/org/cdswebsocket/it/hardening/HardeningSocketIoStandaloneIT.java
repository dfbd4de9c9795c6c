package org.cdswebsocket.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdswebsocket.it.SocketIoStandaloneKindTest;
import org.cdswebsocket.test.SocketIoTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The socket.io hardening scenarios of {@link HardeningSocketIoIT} on a standalone port. */
@SocketIoStandaloneKindTest
class HardeningSocketIoStandaloneIT extends HardeningSocketIoIT {

  @Value("${local.server.port}")
  int applicationPort;

  @Test
  void socketIoRunsOnAPortOfItsOwn() {
    assertThat(SocketIoTestClient.port(runtime)).isPositive().isNotEqualTo(applicationPort);
  }
}
