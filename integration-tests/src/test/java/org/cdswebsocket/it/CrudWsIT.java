package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cds.Row;
import com.sap.cds.ql.Select;
import com.sap.cds.services.persistence.PersistenceService;
import com.sap.cds.services.runtime.CdsRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Entity events over kind ws with real JDK WebSocket clients: the call runs without an
 * acknowledgement, the database changes, and the CRUD broadcast reaches the other sockets of the
 * tenant (the sender too with {@code @ws.broadcast.all}), never after a failed call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrudWsIT {

  private static final String PATH = "/ws/crud";
  private static final String TABLE = "cdswebsocket.it.Headers";
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofMillis(500);

  @LocalServerPort int port;
  @Autowired CdsRuntime runtime;

  WsTestClient alice;
  WsTestClient bob;
  WsTestClient carol;
  WsTestClient dave;

  @BeforeEach
  void connect() throws Exception {
    alice = WsTestClient.connect(port, PATH, "alice", "alice");
    bob = WsTestClient.connect(port, PATH, "bob", "bob");
    carol = WsTestClient.connect(port, PATH, "carol", "carol");
    dave = WsTestClient.connect(port, PATH, "dave", "dave");
  }

  @AfterEach
  void disconnect() {
    alice.close();
    bob.close();
    carol.close();
    dave.close();
  }

  /** The row as stored, read past CAP's authorization. */
  private Optional<Row> stored(String id) {
    PersistenceService db =
        runtime
            .getServiceCatalog()
            .getService(PersistenceService.class, PersistenceService.DEFAULT_NAME);
    return runtime
        .requestContext()
        .privilegedUser()
        .run(
            rc -> {
              return db.run(Select.from(TABLE).matching(Map.of("ID", id))).first();
            });
  }

  @Test
  void createUpdateDeleteChangeTheDatabaseAndReachTheOtherSocketsOfTheTenant() throws Exception {
    String name = "ws-" + UUID.randomUUID();

    alice.send("Headers:create", Map.of("name", name, "stock", 3));
    JsonNode created = bob.next("Headers:created", WAIT);
    String id = created.path("data").path("ID").asText();

    assertThat(created.path("data").size()).isEqualTo(1);
    assertThat(carol.next("Headers:created", WAIT).path("data").path("ID").asText()).isEqualTo(id);
    assertThat(stored(id))
        .get()
        .satisfies(
            row -> {
              assertThat(row.get("name")).isEqualTo(name);
              assertThat(row.get("createdBy")).isEqualTo("alice");
            });

    alice.send("Headers:update", Map.of("ID", id, "name", "renamed"));
    assertThat(bob.next("Headers:updated", WAIT).path("data").path("ID").asText()).isEqualTo(id);
    assertThat(stored(id)).get().satisfies(row -> assertThat(row.get("name")).isEqualTo("renamed"));

    alice.send("Headers:delete", Map.of("ID", id));
    assertThat(bob.next("Headers:deleted", WAIT).path("data").path("ID").asText()).isEqualTo(id);
    assertThat(stored(id)).isEmpty();

    assertThat(alice.collect("Headers:created", QUIET)).isEmpty();
    assertThat(dave.collect("Headers:created", QUIET)).isEmpty();
  }

  @Test
  void broadcastAllReachesTheSenderWithTheWholeRow() throws Exception {
    String name = "all-" + UUID.randomUUID();

    carol.send("DataHeaders:create", Map.of("name", name, "stock", 9));

    JsonNode own = carol.next("DataHeaders:created", WAIT).path("data");
    JsonNode other = alice.next("DataHeaders:created", WAIT).path("data");
    assertThat(own).isEqualTo(other);
    assertThat(own.path("name").asText()).isEqualTo(name);
    assertThat(own.path("stock").asInt()).isEqualTo(9);
    assertThat(own.path("createdBy").asText()).isEqualTo("carol");
    assertThat(dave.collect("DataHeaders:created", QUIET)).isEmpty();
  }

  @Test
  void failedCallsBroadcastNothingAndTheSessionStaysUsable() throws Exception {
    String missing = UUID.randomUUID().toString();

    alice.send("Headers:create", Map.of("stock", 1));
    alice.send("Headers:create", Map.of("name", CrudServiceHandler.ROLLBACK_NAME));
    alice.send("Headers:update", Map.of("ID", missing, "name", "ghost"));
    alice.send("Headers:delete", Map.of("ID", missing));
    alice.send("Headers:create", Map.of("name", "x", "stock", "many"));
    alice.send("Headers:create", Map.of("name", "after failures"));

    JsonNode created = bob.next("Headers:created", WAIT);
    assertThat(stored(created.path("data").path("ID").asText()))
        .get()
        .satisfies(row -> assertThat(row.get("name")).isEqualTo("after failures"));
    assertThat(bob.collect("Headers:updated", QUIET)).isEmpty();
    assertThat(alice.isOpen()).isTrue();
  }

  @Test
  void forbiddenChangesBroadcastNothing() throws Exception {
    alice.send("OwnHeaders:create", Map.of("name", "alice's"));
    String id = bob.next("OwnHeaders:created", WAIT).path("data").path("ID").asText();

    bob.send("OwnHeaders:update", Map.of("ID", id, "name", "bob's"));
    bob.send("OwnHeaders:delete", Map.of("ID", id));

    assertThat(alice.collect("OwnHeaders:updated", QUIET)).isEmpty();
    assertThat(stored(id)).get().satisfies(row -> assertThat(row.get("name")).isEqualTo("alice's"));
  }
}
