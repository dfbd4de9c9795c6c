package org.cdswebsocket.example.todo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.sap.cds.services.runtime.CdsRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.test.SocketIoTestClient;
import org.cdswebsocket.test.SocketIoTestClient.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the page relies on, with two Java Socket.IO clients (alice and bob) against the app on a
 * random port, Socket.IO on the app's own port as the page uses it: every change is acknowledged
 * with the row, and the other client receives it as {@code Todos:created|updated|deleted} with the
 * whole row, the sender does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TodoSocketIoIT {

  @Autowired CdsRuntime runtime;
  @LocalServerPort int httpPort;
  int port;

  /** The broadcasts TodoService sends for {@code Todos}. */
  private static final List<String> BROADCASTS =
      List.of("Todos:created", "Todos:updated", "Todos:deleted");

  private static final String NAMESPACE = ClientConfigController.NAMESPACE;

  @BeforeEach
  void socketIoPort() {
    port = SocketIoTestClient.port(runtime);
  }

  /** Joins TodoService as a mock user whose password is the user name. */
  private SocketIoTestClient connect(String user) throws Exception {
    return SocketIoTestClient.builder(port, NAMESPACE).basic(user, user).connect();
  }

  /** The next CRUD broadcast a client received, whatever its event. */
  private static Event nextBroadcast(SocketIoTestClient client) throws InterruptedException {
    return client.next(e -> BROADCASTS.contains(e.name()), Duration.ofSeconds(10));
  }

  /**
   * The HTTP status of an error code: CAP's own codes have six digits starting with it ({@code
   * 409003}), the adapter's are HTTP statuses.
   */
  private static int httpStatus(int code) {
    return code >= 100_000 ? code / 1000 : code;
  }

  private static String unique(String title) {
    return title + " " + UUID.randomUUID();
  }

  @Test
  void createUpdateDeleteAreAcknowledgedAndReachTheOtherClient() throws Exception {
    try (SocketIoTestClient alice = connect("alice");
        SocketIoTestClient bob = connect("bob")) {
      String title = unique("Buy milk");

      JsonNode created = alice.create("Todos", Map.of("title", title));

      String id = created.path("ID").asText();
      assertThat(created.path("title").asText()).isEqualTo(title);
      assertThat(created.path("done")).isEqualTo(BooleanNode.FALSE);
      assertThat(created.path("createdBy").asText()).isEqualTo("alice");
      Event heard = nextBroadcast(bob);
      assertThat(heard.name()).isEqualTo("Todos:created");
      assertThat(heard.data().path("ID").asText()).isEqualTo(id);
      assertThat(heard.data().path("title").asText()).isEqualTo(title);
      assertThat(heard.data().path("done")).isEqualTo(BooleanNode.FALSE);
      assertThat(heard.data().path("createdBy").asText()).isEqualTo("alice");

      JsonNode updated = bob.update("Todos", Map.of("ID", id, "done", true));

      assertThat(updated.path("done")).isEqualTo(BooleanNode.TRUE);
      assertThat(updated.path("modifiedBy").asText()).isEqualTo("bob");
      // alice's first broadcast is bob's update: her own create did not come back to her.
      // An update carries what was changed (as in the Node plugin), the page merges it.
      heard = nextBroadcast(alice);
      assertThat(heard.name()).isEqualTo("Todos:updated");
      assertThat(heard.data().path("ID").asText()).isEqualTo(id);
      assertThat(heard.data().path("done")).isEqualTo(BooleanNode.TRUE);
      assertThat(heard.data().path("modifiedBy").asText()).isEqualTo("bob");

      JsonNode deleted = alice.delete("Todos", Map.of("ID", id));

      assertThat(deleted.isInt()).isTrue();
      assertThat(deleted.asInt()).isEqualTo(1); // the deleted row count, as in the Node plugin
      heard = nextBroadcast(bob);
      assertThat(heard.name()).isEqualTo("Todos:deleted");
      assertThat(heard.data().path("ID").asText()).isEqualTo(id);
      assertThat(alice.read("Todos", Map.of("ID", id)).isNull()).isTrue();
    }
  }

  @Test
  void listReturnsTheTodosOfEveryUser() throws Exception {
    try (SocketIoTestClient alice = connect("alice");
        SocketIoTestClient bob = connect("bob")) {
      String mine = alice.create("Todos", Map.of("title", unique("alice's"))).path("ID").asText();
      String his = bob.create("Todos", Map.of("title", unique("bob's"))).path("ID").asText();

      JsonNode list = alice.list("Todos", Map.of());

      assertThat(list.isArray()).isTrue();
      List<String> ids = new ArrayList<>();
      list.forEach(row -> ids.add(row.path("ID").asText()));
      assertThat(ids).contains(mine, his);
    }
  }

  @Test
  void invalidChangesGetAnErrorAcknowledgementAndNoBroadcast() throws Exception {
    try (SocketIoTestClient alice = connect("alice");
        SocketIoTestClient bob = connect("bob")) {
      JsonNode empty = alice.create("Todos", Map.of("title", ""));
      JsonNode missing = alice.create("Todos", Map.of("done", true));
      JsonNode tooLong = alice.create("Todos", Map.of("title", "x".repeat(201)));
      JsonNode unknown =
          alice.update("Todos", Map.of("ID", UUID.randomUUID().toString(), "done", true));
      String title = unique("valid");
      alice.create("Todos", Map.of("title", title));

      assertThat(empty.path("error").path("message").asText())
          .isEqualTo("Provide the missing value.");
      assertThat(missing.path("error").path("code").asInt()).isEqualTo(409003);
      assertThat(tooLong.path("error").path("message").asText()).isNotBlank();
      assertThat(httpStatus(unknown.path("error").path("code").asInt())).isEqualTo(404);
      // the valid create is the first thing bob hears of
      Event heard = nextBroadcast(bob);
      assertThat(heard.name()).isEqualTo("Todos:created");
      assertThat(heard.data().path("title").asText()).isEqualTo(title);
    }
  }

  @Test
  void wrongPasswordsAreRefused() throws Exception {
    try (SocketIoTestClient mallory =
        SocketIoTestClient.builder(port, NAMESPACE).basic("alice", "wrong").open()) {
      assertThat(mallory.connectError()).isEqualTo("401");
    }
  }

  @Test
  void pageConfigurationNamesTheNamespaceOnTheAppsOwnOrigin() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + httpPort + "/app/config.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode config = new ObjectMapper().readTree(response.body());
    assertThat(config.path("namespace").asText()).isEqualTo("/ws/todo");
    assertThat(config.has("port")).isFalse(); // same origin
    assertThat(port).isEqualTo(httpPort); // one port for the page, OData and Socket.IO
  }
}
