package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sap.cds.services.runtime.CdsRuntime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.test.SocketIoTestClient;
import org.cdswebsocket.test.SocketIoTestClient.Event;
import org.cdswebsocket.test.SocketIoTestClient.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entity events over kind socket.io with real Java Socket.IO clients: each acknowledgement payload
 * (results, CAP's validation and authorization errors) and who receives which CRUD broadcast.
 *
 * <p>"Not received" is shown without timing: {@link #sync} lets the caller create a {@code
 * DataHeaders} row ({@code @ws.broadcast.all}, so every socket of the tenant hears of it, the
 * caller too) and dave one in tenant t2; a socket's events before that marker are exactly what the
 * calls under test sent it, because one socket's calls run one after the other.
 */
@SocketIoKindTest
class CrudSocketIoIT {

  private static final String NAMESPACE = "/ws/crud";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CdsRuntime runtime;

  private SocketIoTestClient alice;
  private SocketIoTestClient bob;
  private SocketIoTestClient carol;
  private SocketIoTestClient dave;

  @BeforeEach
  void connect() throws Exception {
    alice = join("alice", Transport.WEBSOCKET);
    bob = join("bob", Transport.WEBSOCKET);
    carol = join("carol", Transport.WEBSOCKET);
    dave = join("dave", Transport.WEBSOCKET);
  }

  @AfterEach
  void disconnect() {
    List.of(alice, bob, carol, dave).forEach(SocketIoTestClient::close);
  }

  private SocketIoTestClient join(String user, Transport transport) throws Exception {
    return SocketIoTestClient.connect(
        SocketIoTestClient.port(runtime), NAMESPACE, user, null, transport);
  }

  @Test
  void createAcknowledgesTheSentDataMergedWithGeneratedKeysAndBroadcastsTheKeyToOthers()
      throws Exception {
    JsonNode row =
        alice.emitWithAck(
            "Headers:create",
            Map.of("name", "P", "stock", 5, "price", 12.5, "Items", List.of(Map.of("name", "I"))));

    assertThat(row.path("name").asText()).isEqualTo("P");
    assertThat(row.path("stock").asInt()).isEqualTo(5);
    assertThat(row.path("price").asDouble()).isEqualTo(12.5);
    assertThat(row.path("createdBy").asText()).isEqualTo("alice");
    assertThat(row.path("createdAt").asText()).isNotBlank();
    String id = row.path("ID").asText();
    assertThat(UUID.fromString(id)).isNotNull();
    JsonNode item = row.path("Items").path(0);
    assertThat(row.path("Items")).hasSize(1);
    assertThat(item.path("name").asText()).isEqualTo("I");
    assertThat(item.path("header_ID").asText()).isEqualTo(id);
    assertThat(item.path("ID").asText()).isNotBlank();

    Map<String, List<Event>> received = sync(alice);
    JsonNode key = JSON.valueToTree(Map.of("ID", id));
    assertThat(received.get("bob")).containsExactly(new Event("Headers:created", key));
    assertThat(received.get("carol")).containsExactly(new Event("Headers:created", key));
    assertThat(received.get("alice")).isEmpty();
    assertThat(received.get("dave")).isEmpty();
  }

  @Test
  void readReturnsTheFlatRowOrNullAndReadDeepExpandsCompositions() throws Exception {
    String id =
        created(alice, "Headers", Map.of("name", "deep", "Items", List.of(Map.of("name", "I1"))));
    Map<String, Object> key = Map.of("ID", id);

    JsonNode flat = bob.emitWithAck("Headers:read", key);
    JsonNode deep = bob.emitWithAck("Headers:readDeep", key);
    JsonNode missing = bob.emitWithAck("Headers:read", Map.of("ID", UUID.randomUUID().toString()));

    assertThat(flat.path("name").asText()).isEqualTo("deep");
    assertThat(flat.path("ID").asText()).isEqualTo(id);
    assertThat(flat.has("Items")).isFalse();
    assertThat(deep.path("Items")).hasSize(1);
    assertThat(deep.path("Items").path(0).path("name").asText()).isEqualTo("I1");
    assertThat(missing.isNull())
        .as("read of a missing row acknowledges null: %s", missing)
        .isTrue();
    assertThat(names(sync(bob).get("alice"))).doesNotContain("Headers:read", "Headers:readDeep");
  }

  @Test
  void updateAcknowledgesTheChangedRowAndBroadcastsTheKey() throws Exception {
    String id = created(alice, "Headers", Map.of("name", "before"));
    sync(alice);

    JsonNode updated = alice.emitWithAck("Headers:update", Map.of("ID", id, "name", "after"));

    assertThat(updated.path("ID").asText()).isEqualTo(id);
    assertThat(updated.path("name").asText()).isEqualTo("after");
    assertThat(updated.path("modifiedBy").asText()).isEqualTo("alice");
    assertThat(bob.emitWithAck("Headers:read", Map.of("ID", id)).path("name").asText())
        .isEqualTo("after");
    Map<String, List<Event>> received = sync(alice);
    JsonNode key = JSON.valueToTree(Map.of("ID", id));
    assertThat(received.get("bob")).containsExactly(new Event("Headers:updated", key));
    assertThat(received.get("carol")).containsExactly(new Event("Headers:updated", key));
    assertThat(received.get("alice")).isEmpty();
    assertThat(received.get("dave")).isEmpty();
  }

  @Test
  void deleteAcknowledgesTheKeyAndBroadcastsOnceAndMissingRowsAreNotFound() throws Exception {
    String id = created(alice, "Headers", Map.of("name", "doomed"));
    sync(alice);

    JsonNode deleted = alice.emitWithAck("Headers:delete", Map.of("ID", id));
    JsonNode again = alice.emitWithAck("Headers:delete", Map.of("ID", id));
    JsonNode ghost =
        alice.emitWithAck(
            "Headers:update", Map.of("ID", UUID.randomUUID().toString(), "name", "ghost"));

    assertThat(deleted).isEqualTo(JSON.valueToTree(Map.of("ID", id)));
    assertThat(again.path("error").path("code").asInt()).isEqualTo(404);
    assertThat(again.path("error").path("message").asText()).isNotBlank();
    assertThat(ghost.path("error").path("code").asInt()).isEqualTo(404);
    assertThat(bob.emitWithAck("Headers:read", Map.of("ID", id)).isNull()).isTrue();
    Map<String, List<Event>> received = sync(alice);
    assertThat(received.get("bob"))
        .containsExactly(new Event("Headers:deleted", JSON.valueToTree(Map.of("ID", id))));
    assertThat(received.get("alice")).isEmpty();
    assertThat(received.get("dave")).isEmpty();
  }

  @Test
  void listFiltersByEqualityAndAnEmptyFilterListsAll() throws Exception {
    String name = unique("listed");
    String id = created(alice, "Headers", Map.of("name", name, "stock", 7));
    created(alice, "Headers", Map.of("name", unique("other")));

    JsonNode filtered = bob.emitWithAck("Headers:list", Map.of("name", name, "stock", 7));
    JsonNode all = bob.emitWithAck("Headers:list", Map.of());
    JsonNode wrong = bob.emitWithAck("Headers:list", Map.of("Items", List.of()));

    assertThat(filtered.isArray()).isTrue();
    assertThat(filtered).hasSize(1);
    assertThat(filtered.path(0).path("ID").asText()).isEqualTo(id);
    assertThat(all.isArray()).isTrue();
    assertThat(all.size()).isGreaterThanOrEqualTo(2);
    assertThat(wrong.path("error").path("code").asInt()).isEqualTo(400);
  }

  @Test
  void boundActionAndFunctionAcknowledgeTheirResult() throws Exception {
    String id = created(alice, "Headers", Map.of("name", "bound"));
    sync(alice);

    JsonNode action = bob.emitWithAck("Headers:boundAction", Map.of("ID", id, "text", "hi"));
    JsonNode function = bob.emitWithAck("Headers:boundFunction", Map.of("ID", id, "num", 7));
    JsonNode noKey = bob.emitWithAck("Headers:boundFunction", Map.of("num", 1));

    assertThat(action.asText()).isEqualTo("bound:hi");
    assertThat(function.asText()).isEqualTo("bound:7");
    assertThat(noKey).isEqualTo(error(400, "Key \"ID\" of Headers is missing"));
    assertThat(sync(bob).get("alice")).isEmpty();
  }

  @Test
  void capValidationErrorsComeBackWithCapsCodeAndMessageAndBroadcastNothing() throws Exception {
    JsonNode mandatory = alice.emitWithAck("Headers:create", Map.of("stock", 1));
    JsonNode range = alice.emitWithAck("Headers:create", Map.of("name", "x", "stock", 5000));
    JsonNode type = alice.emitWithAck("Headers:create", Map.of("name", "x", "stock", "five"));
    JsonNode rollback =
        alice.emitWithAck("Headers:create", Map.of("name", CrudServiceHandler.ROLLBACK_NAME));

    assertThat(mandatory).isEqualTo(error(409003, "Provide the missing value."));
    assertThat(range)
        .isEqualTo(error(400012, "Enter a value that is within the range of [0, 1000]."));
    assertThat(type).isEqualTo(error(400, "Property \"stock\" must be an integer"));
    assertThat(rollback).isEqualTo(error(409, "Rolled back after insert"));
    Map<String, List<Event>> received = sync(alice);
    assertThat(received.get("bob")).isEmpty();
    assertThat(received.get("carol")).isEmpty();
    assertThat(alice.isConnected()).isTrue();
  }

  @Test
  void readonlyEntitiesCanBeReadButNotChanged() throws Exception {
    String id = created(alice, "Headers", Map.of("name", "ro"));
    sync(alice);

    JsonNode create = alice.emitWithAck("ReadonlyHeaders:create", Map.of("name", "x"));
    JsonNode update = alice.emitWithAck("ReadonlyHeaders:update", Map.of("ID", id, "name", "x"));
    JsonNode read = alice.emitWithAck("ReadonlyHeaders:read", Map.of("ID", id));

    assertThat(create)
        .isEqualTo(error(405002, "Entity 'CrudService.ReadonlyHeaders' is not insertable"));
    assertThat(update.path("error").path("code").asText()).startsWith("405");
    assertThat(read.path("name").asText()).isEqualTo("ro");
    assertThat(sync(alice).get("bob")).isEmpty();
  }

  @Test
  void forbiddenChangesAreRefusedAndBroadcastNothing() throws Exception {
    String id = created(alice, "OwnHeaders", Map.of("name", "mine"));
    sync(alice);

    JsonNode update = bob.emitWithAck("OwnHeaders:update", Map.of("ID", id, "name", "bob's"));
    JsonNode delete = bob.emitWithAck("OwnHeaders:delete", Map.of("ID", id));
    JsonNode rename = bob.emitWithAck("OwnHeaders:rename", Map.of("ID", id, "name", "b"));
    JsonNode secrets = bob.emitWithAck("Secrets:list", Map.of());

    JsonNode forbidden = error(403001, "You're not authorized to access this resource.");
    assertThat(update).isEqualTo(forbidden);
    assertThat(delete).isEqualTo(forbidden);
    assertThat(rename).isEqualTo(forbidden);
    assertThat(secrets.path("error").path("code").asText()).startsWith("403");
    assertThat(alice.emitWithAck("Secrets:list", Map.of()).isArray()).isTrue();
    Map<String, List<Event>> received = sync(bob);
    assertThat(received.get("alice")).isEmpty();
    assertThat(received.get("carol")).isEmpty();
    assertThat(bob.emitWithAck("OwnHeaders:read", Map.of("ID", id)).path("name").asText())
        .isEqualTo("mine");
  }

  @Test
  void broadcastAllReachesTheSenderWithTheWholeRowButNotTheOtherTenant() throws Exception {
    String name = unique("all");

    JsonNode row = carol.emitWithAck("DataHeaders:create", Map.of("name", name, "stock", 9));

    Map<String, List<Event>> received = sync(carol);
    for (String user : List.of("alice", "bob", "carol")) {
      assertThat(received.get(user))
          .as(user)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.name()).isEqualTo("DataHeaders:created");
                assertThat(e.data().path("ID").asText()).isEqualTo(row.path("ID").asText());
                assertThat(e.data().path("name").asText()).isEqualTo(name);
                assertThat(e.data().path("stock").asInt()).isEqualTo(9);
                assertThat(e.data().path("createdBy").asText()).isEqualTo("carol");
              });
    }
    assertThat(received.get("dave")).isEmpty();
  }

  @Test
  void builtInWsContextIsAcknowledgedWithoutArgumentAndItsContextAppliesToModelledEvents()
      throws Exception {
    List<JsonNode> ack = bob.ackArguments("wsContext", Map.of("context", "watchers"));
    String id = created(alice, "EventHeaders", Map.of("name", "watched", "stock", 1));

    alice.emitWithAck("EventHeaders:delete", Map.of("ID", id));

    assertThat(ack).as("CrudService has no wsContext operation: 43/nsp,N[]").isEmpty();
    Map<String, List<Event>> received = sync(alice);
    assertThat(names(received.get("bob")))
        .containsExactly("EventHeaders:created", "EventHeaders:deleted");
    assertThat(names(received.get("carol"))).containsExactly("EventHeaders:created");
  }

  @Test
  void crudOverLongPollingAcknowledgesAndBroadcasts() throws Exception {
    try (SocketIoTestClient pollingAlice = join("alice", Transport.POLLING);
        SocketIoTestClient pollingBob = join("bob", Transport.POLLING)) {
      String name = unique("polled");

      JsonNode row = pollingAlice.emitWithAck("Headers:create", Map.of("name", name, "stock", 2));
      String id = row.path("ID").asText();
      JsonNode read = pollingBob.emitWithAck("Headers:read", Map.of("ID", id));
      JsonNode failed = pollingAlice.emitWithAck("Headers:create", Map.of("stock", 1));

      assertThat(row.path("name").asText()).isEqualTo(name);
      assertThat(read.path("stock").asInt()).isEqualTo(2);
      assertThat(failed).isEqualTo(error(409003, "Provide the missing value."));
      assertThat(pollingBob.next("Headers:created", WAIT).data())
          .isEqualTo(JSON.valueToTree(Map.of("ID", id)));
      assertThat(bob.next("Headers:created", WAIT).data())
          .isEqualTo(JSON.valueToTree(Map.of("ID", id)));
      String marker = unique("polling-marker");
      pollingAlice.emitWithAck("DataHeaders:create", Map.of("name", marker));
      assertThat(names(upTo(pollingAlice, marker))).isEmpty();
    }
  }

  /** Creates a row and returns its key; fails unless the create is acknowledged with a row. */
  private static String created(SocketIoTestClient client, String entity, Map<String, ?> data)
      throws Exception {
    JsonNode row = client.emitWithAck(entity + ":create", data);
    assertThat(row.path("ID").isTextual()).as("create acknowledged: %s", row).isTrue();
    return row.path("ID").asText();
  }

  /**
   * The events each client received since the last sync, markers excluded: {@code caller} (a t1
   * user) creates a {@code DataHeaders} row that every t1 socket hears of, after everything the
   * caller's earlier calls sent; then dave does the same in tenant t2.
   */
  private Map<String, List<Event>> sync(SocketIoTestClient caller) throws Exception {
    String t1 = unique("marker-t1");
    String t2 = unique("marker-t2");
    created(caller, "DataHeaders", Map.of("name", t1));
    created(dave, "DataHeaders", Map.of("name", t2));
    Map<String, List<Event>> received = new LinkedHashMap<>();
    received.put("alice", upTo(alice, t1));
    received.put("bob", upTo(bob, t1));
    received.put("carol", upTo(carol, t1));
    received.put("dave", upTo(dave, t2));
    return received;
  }

  /** The events before the {@code DataHeaders:created} marker of this name. */
  private static List<Event> upTo(SocketIoTestClient client, String marker) throws Exception {
    List<Event> events =
        client.until(
            e ->
                e.name().equals("DataHeaders:created")
                    && e.data().path("name").asText().equals(marker),
            WAIT);
    return events.subList(0, events.size() - 1);
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(Event::name).toList();
  }

  private static JsonNode error(int code, String message) {
    return JSON.valueToTree(Map.of("error", Map.of("code", code, "message", message)));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
