package org.cdswebsocket.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdswebsocket.it.filter.ContractClient;
import org.cdswebsocket.it.filter.WsContractClient;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 12 attacks with real JDK WebSocket clients (kind ws). A refused socket is closed with 1008
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
    try (ContractClient client = connect(path, user, null)) {
      assertThat(client.closeCode(WAIT)).isEqualTo(1008);
    }
  }

  @Override
  protected void assertDisconnectedByServer(ContractClient client) throws Exception {
    assertThat(client.closeCode(WAIT)).isEqualTo(1008);
  }
}
