package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.it.client.AckRecorder;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.testing.TestClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Entity events through core's connection handler against the real CAP runtime: each
 * acknowledgement payload, CAP's validation and authorization, and who receives which CRUD
 * broadcast.
 */
@SpringBootTest
class CrudDispatchIT {

  private static final String PATH = "/ws/crud";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CdsRuntime cdsRuntime;

  ConnectionHandler handler;
  TestClientSession alice;
  TestClientSession bob;
  TestClientSession dave;

  @BeforeEach
  void connect() {
    handler = TransportContext.of(cdsRuntime).orElseThrow().connectionHandler();
    alice = TestClientSession.of("alice", "t1", PATH, "admin");
    bob = TestClientSession.of("bob", "t1", PATH);
    dave = TestClientSession.of("dave", "t2", PATH);
    List.of(alice, bob, dave).forEach(handler::onOpen);
  }

  @AfterEach
  void disconnect() {
    List.of(alice, bob, dave).forEach(s -> handler.onClose(s, "test done"));
  }

  private AckRecorder.Ack call(TestClientSession session, String event, Object data)
      throws Exception {
    return call(session, event, data, Map.of());
  }

  private AckRecorder.Ack call(
      TestClientSession session, String event, Object data, Map<String, Object> headers)
      throws Exception {
    AckRecorder ack = new AckRecorder();
    handler.onMessage(session, InboundFrame.event(event, data, headers), ack);
    return ack.get();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> created(TestClientSession session, String entity, Map<String, ?> data)
      throws Exception {
    AckRecorder.Ack ack = call(session, entity + ":create", data);
    assertThat(ack.success()).as("create acknowledged: %s", ack.value()).isTrue();
    return (Map<String, Object>) ack.value();
  }

  /** The data of every frame of this event the session received. */
  private static List<JsonNode> received(TestClientSession session, String event) {
    return session.sent().stream()
        .filter(p -> p.event().equals(event))
        .map(OutboundPayload::text)
        .map(CrudDispatchIT::read)
        .map(frame -> frame.path("data"))
        .toList();
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, Object> error(Object code, String message) {
    return Map.of("error", Map.of("code", code, "message", message));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  @SuppressWarnings("unchecked")
  void createAcknowledgesSentDataMergedWithTheCreatedRowAndBroadcastsTheKeyToOthers()
      throws Exception {
    Map<String, Object> row =
        created(
            alice,
            "Headers",
            Map.of("name", "P", "stock", 5, "price", 12.5, "Items", List.of(Map.of("name", "I"))));

    assertThat(row)
        .containsEntry("name", "P")
        .containsEntry("stock", 5)
        .containsEntry("createdBy", "alice")
        .containsKeys("ID", "createdAt");
    List<Map<String, Object>> items = (List<Map<String, Object>>) row.get("Items");
    assertThat(items)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item).containsEntry("name", "I").containsEntry("header_ID", row.get("ID"));
              assertThat(item.get("ID")).isNotNull();
            });
    assertThat(received(bob, "Headers:created"))
        .singleElement()
        .isEqualTo(JSON.valueToTree(Map.of("ID", row.get("ID"))));
    assertThat(received(alice, "Headers:created")).isEmpty();
    assertThat(received(dave, "Headers:created")).isEmpty();
  }

  @Test
  void requestHeadersReachCapHandlers() throws Exception {
    AckRecorder.Ack ack =
        call(
            alice,
            "Headers:create",
            Map.of("name", "with header"),
            Map.of(CrudServiceHandler.DESCRIPTION_HEADER, "from header"));

    assertThat(ack.value()).asString().contains("description=from header");
  }

  @Test
  @SuppressWarnings("unchecked")
  void readReturnsTheFlatRowOrNullAndReadDeepExpandsCompositions() throws Exception {
    Map<String, Object> row =
        created(alice, "Headers", Map.of("name", "deep", "Items", List.of(Map.of("name", "I1"))));
    Map<String, Object> key = Map.of("ID", row.get("ID"));

    Map<String, Object> flat = (Map<String, Object>) call(bob, "Headers:read", key).value();
    Map<String, Object> deep = (Map<String, Object>) call(bob, "Headers:readDeep", key).value();

    assertThat(flat).containsEntry("name", "deep").doesNotContainKey("Items");
    assertThat((List<Map<String, Object>>) deep.get("Items"))
        .singleElement()
        .satisfies(item -> assertThat(item).containsEntry("name", "I1"));
    assertThat(call(bob, "Headers:read", Map.of("ID", UUID.randomUUID().toString())))
        .isEqualTo(new AckRecorder.Ack(true, null));
    assertThat(received(alice, "Headers:read")).isEmpty();
    assertThat(bob.sent()).extracting(OutboundPayload::event).doesNotContain("Headers:read");
  }

  @Test
  void updateAcknowledgesAndBroadcastsButAMissingRowIsNotFound() throws Exception {
    Map<String, Object> row = created(alice, "Headers", Map.of("name", "before"));
    Object id = row.get("ID");

    AckRecorder.Ack ack = call(alice, "Headers:update", Map.of("ID", id, "name", "after"));
    String missing = UUID.randomUUID().toString();
    AckRecorder.Ack notFound = call(alice, "Headers:update", Map.of("ID", missing, "name", "x"));

    assertThat(ack.success()).isTrue();
    assertThat(ack.value()).asString().contains("name=after", "ID=" + id, "modifiedBy=alice");
    assertThat(call(bob, "Headers:read", Map.of("ID", id)).value())
        .asString()
        .contains("name=after");
    assertThat(notFound.success()).isFalse();
    assertThat(notFound.value()).asString().contains("code=404");
    assertThat(received(bob, "Headers:updated"))
        .singleElement()
        .isEqualTo(JSON.valueToTree(Map.of("ID", id)));
  }

  @Test
  void deleteAcknowledgesTheKeyAndBroadcastsOnce() throws Exception {
    Object id = created(alice, "Headers", Map.of("name", "doomed")).get("ID");

    AckRecorder.Ack ack = call(alice, "Headers:delete", Map.of("ID", id));
    AckRecorder.Ack again = call(alice, "Headers:delete", Map.of("ID", id));

    assertThat(ack).isEqualTo(new AckRecorder.Ack(true, Map.of("ID", id)));
    assertThat(again.value()).asString().contains("code=404");
    assertThat(call(bob, "Headers:read", Map.of("ID", id)).value()).isNull();
    assertThat(received(bob, "Headers:deleted")).hasSize(1);
  }

  @Test
  void listFiltersByEqualityAndAnEmptyFilterListsAll() throws Exception {
    String name = unique("listed");
    Object id = created(alice, "Headers", Map.of("name", name, "stock", 7)).get("ID");
    created(alice, "Headers", Map.of("name", unique("other")));

    AckRecorder.Ack filtered = call(bob, "Headers:list", Map.of("name", name, "stock", 7));
    AckRecorder.Ack all = call(bob, "Headers:list", Map.of());

    assertThat(filtered.value()).asList().singleElement().asString().contains("ID=" + id);
    assertThat(all.value()).asList().hasSizeGreaterThanOrEqualTo(2);
    assertThat(call(bob, "Headers:list", Map.of("Items", List.of())).value())
        .asString()
        .contains("code=400");
  }

  @Test
  void boundOperationsTakeKeysFromThePayloadAndReturnTheirResult() throws Exception {
    Object id = created(alice, "Headers", Map.of("name", "bound")).get("ID");

    assertThat(call(bob, "Headers:boundAction", Map.of("ID", id, "text", "hi")))
        .isEqualTo(new AckRecorder.Ack(true, "bound:hi"));
    assertThat(call(bob, "Headers:boundFunction", Map.of("ID", id, "num", 7)))
        .isEqualTo(new AckRecorder.Ack(true, "bound:7"));
    assertThat(call(bob, "Headers:boundAction", Map.of("ID", id, "nope", 1)).value())
        .isEqualTo(error(400, "Property \"nope\" does not exist in boundAction"));
    assertThat(call(bob, "Headers:boundFunction", Map.of("num", 1)).value())
        .isEqualTo(error(400, "Key \"ID\" of Headers is missing"));
    assertThat(bob.sent()).extracting(OutboundPayload::event).containsOnly("Headers:created");
  }

  @Test
  void wrongTypesAndUnknownPropertiesAreBadRequests() throws Exception {
    assertThat(call(alice, "Headers:create", Map.of("name", "x", "stock", "five")).value())
        .isEqualTo(error(400, "Property \"stock\" must be an integer"));
    assertThat(call(alice, "Headers:create", Map.of("name", "x", "color", "red")).value())
        .isEqualTo(error(400, "Property \"color\" does not exist in CrudService.Headers"));
    assertThat(call(alice, "Headers:read", Map.of("ID", "not-a-uuid")).value())
        .isEqualTo(error(400, "Property \"ID\" must be a UUID string"));
    assertThat(call(alice, "Headers:create", Map.of("name", "x", "Items", "none")).value())
        .isEqualTo(error(400, "Property \"Items\" must be an object or array"));
    assertThat(call(alice, "Headers:nope", Map.of()).value()).asString().contains("code=404");
    assertThat(call(alice, "Nope:create", Map.of()).value()).asString().contains("code=404");
    assertThat(bob.sent()).isEmpty();
  }

  @Test
  void capValidationErrorsComeBackWithCapsCodeAndMessage() throws Exception {
    AckRecorder.Ack mandatory = call(alice, "Headers:create", Map.of("stock", 1));
    AckRecorder.Ack range = call(alice, "Headers:create", Map.of("name", "x", "stock", 5000));

    assertThat(mandatory)
        .isEqualTo(new AckRecorder.Ack(false, error(409003, "Provide the missing value.")));
    assertThat(range.value())
        .isEqualTo(error(400012, "Enter a value that is within the range of [0, 1000]."));
    assertThat(bob.sent()).isEmpty();
  }

  @Test
  void readonlyEntitiesCanBeReadButNotChanged() throws Exception {
    Object id = created(alice, "Headers", Map.of("name", "ro")).get("ID");

    AckRecorder.Ack create = call(alice, "ReadonlyHeaders:create", Map.of("name", "x"));
    AckRecorder.Ack update = call(alice, "ReadonlyHeaders:update", Map.of("ID", id, "name", "x"));
    AckRecorder.Ack read = call(alice, "ReadonlyHeaders:read", Map.of("ID", id));

    assertThat(create.value())
        .isEqualTo(error(405002, "Entity 'CrudService.ReadonlyHeaders' is not insertable"));
    assertThat(update.value()).asString().contains("code=405");
    assertThat(read.value()).asString().contains("name=ro");
    assertThat(received(bob, "ReadonlyHeaders:created")).isEmpty();
  }

  @Test
  void instanceBasedRestrictionsApplyToUpdateDeleteAndBoundActions() throws Exception {
    Object id = created(alice, "OwnHeaders", Map.of("name", "mine")).get("ID");

    AckRecorder.Ack bobUpdate = call(bob, "OwnHeaders:update", Map.of("ID", id, "name", "bob's"));
    AckRecorder.Ack bobDelete = call(bob, "OwnHeaders:delete", Map.of("ID", id));
    AckRecorder.Ack bobRename = call(bob, "OwnHeaders:rename", Map.of("ID", id, "name", "b"));
    AckRecorder.Ack aliceRename = call(alice, "OwnHeaders:rename", Map.of("ID", id, "name", "a"));

    Map<String, Object> forbidden = error(403001, "You're not authorized to access this resource.");
    assertThat(bobUpdate).isEqualTo(new AckRecorder.Ack(false, forbidden));
    assertThat(bobDelete).isEqualTo(new AckRecorder.Ack(false, forbidden));
    assertThat(bobRename).isEqualTo(new AckRecorder.Ack(false, forbidden));
    assertThat(aliceRename).isEqualTo(new AckRecorder.Ack(true, "a"));
    assertThat(call(bob, "OwnHeaders:read", Map.of("ID", id)).value())
        .asString()
        .contains("name=a");
    assertThat(received(alice, "OwnHeaders:updated")).isEmpty();
    assertThat(received(alice, "OwnHeaders:deleted")).isEmpty();
  }

  @Test
  void requiresAppliesToEntities() throws Exception {
    assertThat(call(bob, "Secrets:list", Map.of()).value()).asString().contains("code=403");
    assertThat(call(alice, "Secrets:list", Map.of()).success()).isTrue();
  }

  @Test
  void aHandlerFailureRollsBackAndBroadcastsNothing() throws Exception {
    AckRecorder.Ack ack =
        call(alice, "Headers:create", Map.of("name", CrudServiceHandler.ROLLBACK_NAME));

    assertThat(ack).isEqualTo(new AckRecorder.Ack(false, error(409, "Rolled back after insert")));
    assertThat(call(bob, "Headers:list", Map.of("name", CrudServiceHandler.ROLLBACK_NAME)).value())
        .asList()
        .isEmpty();
    assertThat(received(bob, "Headers:created")).isEmpty();
  }

  @Test
  void broadcastContentFollowsTheEntityAnnotations() throws Exception {
    Map<String, Object> data = created(alice, "DataHeaders", Map.of("name", "all", "stock", 3));
    Object silent = created(alice, "SilentHeaders", Map.of("name", "silent")).get("ID");
    Object odd = created(alice, "OddHeaders", Map.of("name", "odd")).get("ID");
    Object modelled = created(alice, "EventHeaders", Map.of("name", "ev", "stock", 4)).get("ID");

    assertThat(received(alice, "DataHeaders:created"))
        .singleElement()
        .satisfies(d -> assertThat(d.path("name").asText()).isEqualTo("all"));
    assertThat(received(bob, "DataHeaders:created"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path("ID").asText()).isEqualTo(data.get("ID"));
              assertThat(d.path("stock").asInt()).isEqualTo(3);
              assertThat(d.path("createdBy").asText()).isEqualTo("alice");
            });
    assertThat(received(bob, "SilentHeaders:created")).isEmpty();
    assertThat(silent).isNotNull();
    assertThat(received(bob, "OddHeaders:created"))
        .singleElement()
        .isEqualTo(JSON.valueToTree(Map.of("ID", odd)));
    assertThat(received(bob, "EventHeaders:created"))
        .singleElement()
        .isEqualTo(JSON.valueToTree(Map.of("ID", modelled, "stock", 4)));
    assertThat(received(alice, "EventHeaders:created")).isEmpty();
    assertThat(received(dave, "DataHeaders:created")).isEmpty();
  }

  @Test
  void filterAnnotationsOfAModelledCrudEventApply() throws Exception {
    TestClientSession carol = TestClientSession.of("carol", "t1", PATH);
    handler.onOpen(carol);
    call(bob, "wsContext", Map.of("context", "watchers"));
    Object id = created(alice, "EventHeaders", Map.of("name", "watched")).get("ID");

    call(alice, "EventHeaders:delete", Map.of("ID", id));

    assertThat(received(bob, "EventHeaders:deleted"))
        .singleElement()
        .isEqualTo(JSON.valueToTree(Map.of("ID", id)));
    assertThat(received(carol, "EventHeaders:deleted")).isEmpty();
    assertThat(received(carol, "EventHeaders:created")).hasSize(1);
    handler.onClose(carol, "test done");
  }

  @Test
  void draftEnabledEntitiesCannotBeChangedOverSockets() throws Exception {
    AckRecorder.Ack create = call(alice, "Notes:create", Map.of("text", "x"));

    assertThat(create.value()).asString().contains("code=405", "draft");
    assertThat(call(alice, "Notes:list", Map.of()).value()).asList().isEmpty();
  }

  @Test
  void duplicateKeysAreConflictsAndManagedFieldsCannotBeSpoofed() throws Exception {
    Map<String, Object> row =
        created(alice, "Headers", Map.of("name", "s", "createdBy", "mallory"));

    assertThat(row).containsEntry("createdBy", "alice");
    assertThat(call(alice, "Headers:create", Map.of("name", "again", "ID", row.get("ID"))).value())
        .isEqualTo(
            error(
                409006,
                "Unique constraint violated when inserting or updating entity"
                    + " 'cdswebsocket.it.Headers'"));
  }
}
