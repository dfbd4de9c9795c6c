package org.cdswebsocket.it.filter;

import org.springframework.boot.test.context.SpringBootTest;

/** OData request headers filtering events, received by real JDK WebSocket clients (kind ws). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpHeadersWsIT extends AbstractHttpHeadersTest {

  @Override
  protected ContractClient connect(String user, String identifier) throws Exception {
    return WsContractClient.connect(port, "/ws/filter", user, identifier);
  }
}
