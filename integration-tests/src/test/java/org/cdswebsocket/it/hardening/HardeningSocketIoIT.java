package org.cdswebsocket.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.Map;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.it.filter.ContractClient;
import org.cdswebsocket.it.filter.SocketIoContractClient;
import org.cdswebsocket.test.SocketIoTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12 attacks with real Java Socket.IO clients. A user without service access gets {@code
 * connect_error} {@code "403"} and never joins; a socket whose {@code wsConnect} refuses is
 * disconnected by the server. The acknowledgements show the refusals.
 */
@SocketIoKindTest
class HardeningSocketIoIT extends AbstractHardeningIT {

  @Autowired CdsRuntime runtime;

  @Override
  protected ContractClient connect(String path, String user, String identifier) throws Exception {
    return SocketIoContractClient.connect(SocketIoTestClient.port(runtime), path, user, identifier);
  }

  @Override
  protected void assertRefusedAtConnect(String path, String user) throws Exception {
    try (SocketIoTestClient client =
        SocketIoTestClient.open(
            SocketIoTestClient.port(runtime),
            path,
            user,
            null,
            SocketIoTestClient.Transport.WEBSOCKET)) {
      assertThat(client.connectError(WAIT)).isEqualTo("403");
      assertThat(client.isConnected()).isFalse();
    }
  }

  @Override
  protected void assertDisconnectedByServer(ContractClient client) throws Exception {
    SocketIoTestClient socket = ((SocketIoContractClient) client).socket();
    assertThat(socket.disconnectReason(WAIT)).isEqualTo("io server disconnect");
  }

  @Test
  void refusalsAreAcknowledgedAs400Or500() throws Exception {
    try (SocketIoTestClient main =
        SocketIoTestClient.connect(SocketIoTestClient.port(runtime), "/ws/main", "bob", null)) {
      assertThat(
              code(
                  main.emitWithAck(
                      "sum", SocketIoContractClient.rawObject("{\"a\":1e400000000,\"b\":1}"))))
          .isEqualTo(400);
      assertThat(code(main.emitWithAck("price", Map.of("p", "1e400000000")))).isEqualTo(400);
      assertThat(
              code(
                  main.emitWithAck(
                      "total", SocketIoContractClient.rawObject("{\"values\":[1,1e400000000]}"))))
          .isEqualTo(400);
      assertThat(main.emitWithAck("total", Map.of("values", java.util.List.of(1, 2))).asInt())
          .isEqualTo(3);
      assertThat(code(main.emitWithAck("sum", Map.of("a", 1, "b", 2)))).isEqualTo(0);
      assertThat(main.emitWithAck("sum", Map.of("a", 1, "b", 2)).asInt()).isEqualTo(3);
      assertThat(code(main.emitWithAck("crash", Map.of()))).isEqualTo(500);
    }
  }

  @Test
  void aParameterNamedCqnIsRefusedBeforeCapSeesIt() throws Exception {
    try (SocketIoTestClient crud =
        SocketIoTestClient.connect(SocketIoTestClient.port(runtime), "/ws/crud", "bob", null)) {
      JsonNode created = crud.emitWithAck("Headers:create", Map.of("name", "cqn"));
      JsonNode refused =
          crud.emitWithAck("Headers:target", Map.of("ID", created.path("ID").asText(), "cqn", "x"));

      assertThat(code(refused)).isEqualTo(400);
      assertThat(refused.path("error").path("message").asText()).contains("reserved");
    }
  }

  @Test
  void aTooLongContextIsRefusedWith400() throws Exception {
    try (SocketIoTestClient crud =
        SocketIoTestClient.connect(SocketIoTestClient.port(runtime), "/ws/crud", "bob", null)) {
      assertThat(code(crud.emitWithAck("wsContext", Map.of("context", "y".repeat(257)))))
          .isEqualTo(400);
    }
  }

  private static int code(JsonNode ack) {
    return ack.path("error").path("code").asInt(0);
  }
}
