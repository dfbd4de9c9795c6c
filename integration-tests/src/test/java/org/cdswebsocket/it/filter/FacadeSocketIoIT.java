package org.cdswebsocket.it.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.it.FilterServiceHandler;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.test.SocketIoTestClient;
import org.cdswebsocket.test.SocketIoTestClient.Transport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Facade and lifecycle operations over kind socket.io with real Java Socket.IO clients, plus what
 * only Socket.IO has: acknowledgements of lifecycle calls, disconnect reasons, refused handshakes.
 */
@SocketIoKindTest
class FacadeSocketIoIT extends AbstractFacadeTest {

  @Autowired CdsRuntime runtime;

  @Override
  protected ContractClient connect(String path, String user, String identifier) throws Exception {
    return SocketIoContractClient.connect(port(), path, user, identifier);
  }

  /**
   * The client sees Socket.IO's {@code io server disconnect}; the callbacks get the server-side
   * reason, as in the Node plugin.
   */
  @Override
  protected String awaitServerDisconnect(ContractClient client) throws Exception {
    assertThat(((SocketIoContractClient) client).socket().disconnectReason(WAIT))
        .isEqualTo("io server disconnect");
    return "server namespace disconnect";
  }

  private int port() {
    return SocketIoTestClient.port(runtime);
  }

  @Test
  void wsContextIsAcknowledgedAfterTheContextsWereApplied() throws Exception {
    try (SocketIoTestClient client =
        SocketIoTestClient.connect(port(), "/ws/filter", "carol", "f-ack")) {
      List<JsonNode> ack = client.ackArguments("wsContext", Map.of("context", "acked"));

      assertThat(ack).hasSize(1);
      assertThat(ack.get(0).isNull()).as("own wsContext operation returns null: %s", ack).isTrue();
      client.emit("facade", Map.of("op", "report"));
      assertThat(client.next("contexts", WAIT).data().path("contexts").toString())
          .isEqualTo("[\"acked\"]");
    }
  }

  @Test
  void theNativeSessionIsTheNettySocketIoClient() throws Exception {
    try (SocketIoTestClient client =
        SocketIoTestClient.connect(port(), "/ws/filter", "carol", "f-native")) {
      client.emit("facade", Map.of("op", "native"));

      assertThat(client.next("plain", WAIT).data().path("text").asText())
          .startsWith("com.corundumstudio.socketio");
    }
  }

  @Test
  void aClientDisconnectRunsWsDisconnectThenOnDisconnectWithTheClientsReason() throws Exception {
    String id = "f-client-left-" + UUID.randomUUID();
    SocketIoTestClient client = SocketIoTestClient.connect(port(), "/ws/filter", "carol", id);
    client.emit("facade", Map.of("op", "onDisconnect"));
    client.next("contexts", WAIT);

    client.close();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(FilterServiceHandler.DISCONNECTS)
                    .filteredOn(s -> s.startsWith(id + ":"))
                    .containsExactly(
                        id + ":wsDisconnect:client namespace disconnect",
                        id + ":onDisconnect:client namespace disconnect"));
  }

  @Test
  void refusedHandshakesGetConnectError401AndNeverReachWsConnect() throws Exception {
    try (SocketIoTestClient anonymous =
            SocketIoTestClient.open(port(), "/ws/filter", null, "f-anon", Transport.WEBSOCKET);
        SocketIoTestClient unknown =
            SocketIoTestClient.open(port(), "/ws/nope", "alice", null, Transport.WEBSOCKET)) {
      // same port: the app's chain answers the Engine.IO handshake with HTTP 401 (the test kit
      // reports the status); standalone: the adapter refuses the CONNECT with {"message":"401"}
      assertThat(anonymous.connectError(WAIT)).isEqualTo("401");
      assertThat(unknown.connectError(WAIT)).isEqualTo("Invalid namespace");
      assertThat(anonymous.isConnected()).isFalse();
    }
  }

  @Test
  void pollingClientsGetTheirWelcomeAndFacadeEmits() throws Exception {
    try (SocketIoTestClient polling =
        SocketIoTestClient.connect(port(), "/ws/filter", "bob", "f-polling", Transport.POLLING)) {
      assertThat(polling.next("welcome", WAIT).data().path("user").asText()).isEqualTo("bob");

      polling.emit("facade", Map.of("op", "emit", "text", "to-polling"));

      assertThat(polling.next("plain", WAIT).data().path("text").asText()).isEqualTo("to-polling");
    }
  }
}
