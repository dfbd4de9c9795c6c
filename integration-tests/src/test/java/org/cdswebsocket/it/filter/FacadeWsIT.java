package org.cdswebsocket.it.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Facade and lifecycle operations over kind ws with real JDK WebSocket clients. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FacadeWsIT extends AbstractFacadeTest {

  @LocalServerPort int port;

  @Override
  protected ContractClient connect(String path, String user, String identifier) throws Exception {
    return WsContractClient.connect(port, path, user, identifier);
  }

  /** The server closes with 1000, which is also the reason the callbacks see. */
  @Override
  protected String awaitServerDisconnect(ContractClient client) throws Exception {
    assertThat(client.closeCode(WAIT)).isEqualTo(1000);
    return "1000";
  }
}
