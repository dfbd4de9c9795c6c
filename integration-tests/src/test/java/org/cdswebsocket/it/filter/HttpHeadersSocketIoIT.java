package org.cdswebsocket.it.filter;

import com.sap.cds.services.runtime.CdsRuntime;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.test.SocketIoTestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** OData request headers filtering events, received by real Java Socket.IO clients. */
@SocketIoKindTest
class HttpHeadersSocketIoIT extends AbstractHttpHeadersTest {

  @Autowired CdsRuntime runtime;

  @Override
  protected ContractClient connect(String user, String identifier) throws Exception {
    return SocketIoContractClient.connect(
        SocketIoTestClient.port(runtime), "/ws/filter", user, identifier);
  }
}
