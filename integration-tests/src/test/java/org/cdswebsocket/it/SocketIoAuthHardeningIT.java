package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.runtime.CdsRuntime;
import java.time.Duration;
import org.cdswebsocket.test.SocketIoTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mock-user Basic with the Java {@code io.socket} client, on the app's port (here) and on a
 * standalone port ({@link SocketIoAuthHardeningStandaloneIT}): technical users and empty passwords
 * are refused although CAP's HTTP chain accepts them.
 */
@SocketIoKindTest
class SocketIoAuthHardeningIT {

  @Autowired CdsRuntime runtime;

  @Test
  void privilegedMockUserIsRefused() throws Exception {
    assertThat(outcome("root", "root")).isEqualTo("401");
  }

  @Test
  void emptyPasswordIsRefused() throws Exception {
    assertThat(outcome("nopass", "")).isEqualTo("401");
  }

  @Test
  void regularMockUserConnects() throws Exception {
    assertThat(outcome("alice", "alice")).isEqualTo("connected");
  }

  /**
   * {@code connected}, or the message of the {@code connect_error}: the status of the refused
   * handshake on the app's port, the server's message on a standalone port.
   */
  private String outcome(String user, String password) throws Exception {
    try (SocketIoTestClient client =
        SocketIoTestClient.builder(SocketIoTestClient.port(runtime), "/ws/main")
            .basic(user, password)
            .transport(SocketIoTestClient.Transport.WEBSOCKET)
            .open()) {
      try {
        client.awaitConnected();
        return "connected";
      } catch (AssertionError refused) {
        return client.connectError(Duration.ofSeconds(5));
      }
    }
  }
}
