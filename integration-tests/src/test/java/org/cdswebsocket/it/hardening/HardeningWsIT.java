package org.cdswebsocket.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdswebsocket.it.filter.ContractClient;
import org.cdswebsocket.it.filter.WsContractClient;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 12 attacks with real JDK WebSocket clients (kind ws). A user without service access gets
 * HTTP 403 before the upgrade; a socket refused later (by {@code wsConnect}) is closed with 1008
 * (policy violation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningWsIT extends AbstractHardeningIT {

  @Override
  protected ContractClient connect(String path, String user, String identifier) throws Exception {
    return WsContractClient.connect(port, path, user, identifier);
  }

  @Override
  protected void assertRefusedAtConnect(String path, String user) throws Exception {
    // refused before the upgrade: no session, no socket
    assertThat(WsTestClient.handshakeStatus(port, path, user, user)).isEqualTo(403);
  }

  @Override
  protected void assertDisconnectedByServer(ContractClient client) throws Exception {
    assertThat(client.closeCode(WAIT)).isEqualTo(1008);
  }

  @Test
  void anIdentifierOverItsLimitIsRefusedBeforeTheUpgrade() throws Exception {
    String tooLong = "x".repeat(257); // cds.websocket.limits.identifier-length: 256
    assertThat(WsTestClient.handshakeStatus(port, "/ws/filter?id=" + tooLong, "alice", "alice"))
        .isEqualTo(400);
    assertThat(
            WsTestClient.handshakeStatus(
                port, "/ws/filter?id=" + "x".repeat(256), "alice", "alice"))
        .isEqualTo(101);
  }
}
