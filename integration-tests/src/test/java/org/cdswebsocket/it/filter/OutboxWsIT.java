package org.cdswebsocket.it.filter;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Outboxed events over kind ws with real JDK WebSocket clients. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxWsIT extends AbstractOutboxTest {

  @LocalServerPort int port;

  @Override
  protected ContractClient connect(String user, String identifier) throws Exception {
    return WsContractClient.connect(port, "/ws/filter", user, identifier);
  }
}
