package org.cdswebsocket.it.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.test.SocketIoTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outboxed events over kind socket.io with real Java Socket.IO clients; here the caller also sees
 * the acknowledgement of the emitting operation.
 */
@SocketIoKindTest
class OutboxSocketIoIT extends AbstractOutboxTest {

  @Autowired CdsRuntime runtime;

  @Override
  protected ContractClient connect(String user, String identifier) throws Exception {
    return SocketIoContractClient.connect(
        SocketIoTestClient.port(runtime), "/ws/filter", user, identifier);
  }

  @ParameterizedTest
  @ValueSource(strings = {"inmemory", "persistent"})
  void theRolledBackCallIsAcknowledgedWithItsErrorAndItsEventNeverDelivered(String outbox)
      throws Exception {
    SocketIoTestClient socket = ((SocketIoContractClient) alice).socket();

    JsonNode failed = socket.emitWithAck("emitOutboxed", call(outbox, "ack-rolled-back", true));
    List<JsonNode> committed =
        socket.ackArguments("emitOutboxed", call(outbox, "ack-committed", false));

    assertThat(failed.path("error").path("code").asInt()).isEqualTo(409);
    assertThat(failed.path("error").path("message").asText()).isEqualTo("Rolled back on purpose");
    assertThat(committed).hasSize(1);
    assertThat(committed.get(0).isNull()).as("void action acknowledged with null").isTrue();
    List<String> seen = texts(bob, "ack-committed-" + outbox);
    seen.addAll(texts(bob, QUIET));
    assertThat(seen)
        .containsOnlyOnce("ack-committed-" + outbox)
        .doesNotContain("ack-rolled-back-" + outbox);
  }

  private static Map<String, Object> call(String outbox, String text, boolean fail) {
    return Map.of(
        "event",
        "plain",
        "data",
        "{\"text\":\"" + text + "-" + outbox + "\"}",
        "headers",
        "{}",
        "outbox",
        outbox,
        "fail",
        fail);
  }
}
