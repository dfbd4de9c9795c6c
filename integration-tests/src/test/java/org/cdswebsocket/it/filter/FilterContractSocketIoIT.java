package org.cdswebsocket.it.filter;

import com.sap.cds.services.runtime.CdsRuntime;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.test.SocketIoTestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** The client-determination contract over kind socket.io with real Java Socket.IO clients. */
@SocketIoKindTest
class FilterContractSocketIoIT extends AbstractFilterContractTest {

  @Autowired CdsRuntime runtime;

  @Override
  protected ContractClient connect(String user, String identifier) throws Exception {
    return SocketIoContractClient.connect(
        SocketIoTestClient.port(runtime), "/ws/filter", user, identifier);
  }
}
