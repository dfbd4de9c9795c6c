package org.cdswebsocket.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.it.filter.SocketIoContractClient;
import org.cdswebsocket.test.SocketIoTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code :list} and {@code :readDeep} are paged by CAP's query limits, as OData pages: {@code
 * PagedHeaders} has {@code @cds.query.limit: {default: 2, max: 3}}, {@code HeaderItems} {@code max:
 * 3}. Only Socket.IO returns results (kind ws acknowledges nothing), so only this kind can observe
 * them; the paging code is core's and shared by both kinds.
 */
@SocketIoKindTest
class QueryLimitsSocketIoIT {

  @Autowired CdsRuntime runtime;

  private SocketIoTestClient client;
  private final String name = "paged-" + UUID.randomUUID();

  @BeforeEach
  void connect() throws Exception {
    client = SocketIoTestClient.connect(SocketIoTestClient.port(runtime), "/ws/crud", "bob", null);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void listReturnsTheDefaultPageAndNeverMoreThanTheMaximum() throws Exception {
    for (int i = 0; i < 5; i++) {
      client.emitWithAck("PagedHeaders:create", Map.of("name", name, "stock", i));
    }

    assertThat(client.emitWithAck("PagedHeaders:list", Map.of("name", name))).hasSize(2);
    assertThat(client.emitWithAck("PagedHeaders:list", Map.of("name", name, "$top", 10)))
        .hasSize(3);
    assertThat(client.emitWithAck("PagedHeaders:list", Map.of("name", name, "$top", 1))).hasSize(1);
    assertThat(client.emitWithAck("PagedHeaders:list", Map.of("name", name, "$skip", 4)))
        .hasSize(1);
    assertThat(client.emitWithAck("Headers:list", Map.of("name", name, "$top", 4))).hasSize(4);
    assertThat(client.emitWithAck("Headers:list", Map.of("name", name))).hasSize(5);
  }

  @Test
  void invalidPagingIsRefusedWith400() throws Exception {
    assertThat(code(client.emitWithAck("Headers:list", Map.of("$top", -1)))).isEqualTo(400);
    assertThat(code(client.emitWithAck("Headers:list", Map.of("$skip", "1")))).isEqualTo(400);
    assertThat(
            code(
                client.emitWithAck(
                    "Headers:list", SocketIoContractClient.rawObject("{\"$top\":1e400000000}"))))
        .isEqualTo(400);
  }

  @Test
  void readDeepExpandsAtMostTheMaximumOfTheComposedEntity() throws Exception {
    List<Map<String, String>> items =
        IntStream.range(0, 5).mapToObj(i -> Map.of("name", "item" + i)).toList();
    JsonNode created = client.emitWithAck("Headers:create", Map.of("name", name, "Items", items));
    String id = created.path("ID").asText();

    JsonNode deep = client.emitWithAck("Headers:readDeep", Map.of("ID", id));

    assertThat(deep.path("Items")).hasSize(3);
  }

  private static int code(JsonNode ack) {
    return ack.path("error").path("code").asInt(0);
  }
}
