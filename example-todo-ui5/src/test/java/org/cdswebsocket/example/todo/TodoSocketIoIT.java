package org.cdswebsocket.example.todo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.runtime.CdsRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.example.todo.TodoClient.Received;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the page relies on, with two Java Socket.IO clients (alice and bob) against the app on
 * random ports: every change is acknowledged with the row, and the other client receives it as
 * {@code Todos:created|updated|deleted} with the whole row, the sender does not.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.websocket.port=0")
class TodoSocketIoIT {

  @Autowired CdsRuntime runtime;
  @LocalServerPort int httpPort;
  int port;

  @BeforeEach
  void socketIoPort() {
    port =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME)
            .port();
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
    try (TodoClient alice = TodoClient.connect(port, "alice");
        TodoClient bob = TodoClient.connect(port, "bob")) {
      String title = unique("Buy milk");

      JSONObject created = alice.row("Todos:create", Map.of("title", title));

      String id = created.getString("ID");
      assertThat(created.getString("title")).isEqualTo(title);
      assertThat(created.getBoolean("done")).isFalse();
      assertThat(created.getString("createdBy")).isEqualTo("alice");
      Received heard = bob.next();
      assertThat(heard.event()).isEqualTo("Todos:created");
      assertThat(heard.data().getString("ID")).isEqualTo(id);
      assertThat(heard.data().getString("title")).isEqualTo(title);
      assertThat(heard.data().getBoolean("done")).isFalse();
      assertThat(heard.data().getString("createdBy")).isEqualTo("alice");

      JSONObject updated = bob.row("Todos:update", Map.of("ID", id, "done", true));

      assertThat(updated.getBoolean("done")).isTrue();
      assertThat(updated.getString("modifiedBy")).isEqualTo("bob");
      // alice's first broadcast is bob's update: her own create did not come back to her.
      // An update carries what was changed (as in the Node plugin), the page merges it.
      heard = alice.next();
      assertThat(heard.event()).isEqualTo("Todos:updated");
      assertThat(heard.data().getString("ID")).isEqualTo(id);
      assertThat(heard.data().getBoolean("done")).isTrue();
      assertThat(heard.data().getString("modifiedBy")).isEqualTo("bob");

      Object deleted = alice.call("Todos:delete", Map.of("ID", id));

      assertThat(((JSONObject) deleted).getString("ID")).isEqualTo(id);
      heard = bob.next();
      assertThat(heard.event()).isEqualTo("Todos:deleted");
      assertThat(heard.data().getString("ID")).isEqualTo(id);
      assertThat(alice.call("Todos:read", Map.of("ID", id))).isNull();
    }
  }

  @Test
  void listReturnsTheTodosOfEveryUser() throws Exception {
    try (TodoClient alice = TodoClient.connect(port, "alice");
        TodoClient bob = TodoClient.connect(port, "bob")) {
      String mine = alice.row("Todos:create", Map.of("title", unique("alice's"))).getString("ID");
      String his = bob.row("Todos:create", Map.of("title", unique("bob's"))).getString("ID");

      JSONArray list = (JSONArray) alice.call("Todos:list", Map.of());

      List<Object> ids = new ArrayList<>();
      for (int i = 0; i < list.length(); i++) {
        ids.add(list.getJSONObject(i).get("ID"));
      }
      assertThat(ids).contains(mine, his);
    }
  }

  @Test
  void invalidChangesGetAnErrorAcknowledgementAndNoBroadcast() throws Exception {
    try (TodoClient alice = TodoClient.connect(port, "alice");
        TodoClient bob = TodoClient.connect(port, "bob")) {
      JSONObject empty = (JSONObject) alice.call("Todos:create", Map.of("title", ""));
      JSONObject missing = (JSONObject) alice.call("Todos:create", Map.of("done", true));
      JSONObject tooLong =
          (JSONObject) alice.call("Todos:create", Map.of("title", "x".repeat(201)));
      JSONObject unknown =
          (JSONObject)
              alice.call("Todos:update", Map.of("ID", UUID.randomUUID().toString(), "done", true));
      String title = unique("valid");
      alice.call("Todos:create", Map.of("title", title));

      assertThat(empty.getJSONObject("error").getString("message"))
          .isEqualTo("Provide the missing value.");
      assertThat(missing.getJSONObject("error").getInt("code")).isEqualTo(409003);
      assertThat(tooLong.getJSONObject("error").getString("message")).isNotBlank();
      assertThat(httpStatus(unknown.getJSONObject("error").getInt("code"))).isEqualTo(404);
      // the valid create is the first thing bob hears of
      Received heard = bob.next();
      assertThat(heard.event()).isEqualTo("Todos:created");
      assertThat(heard.data().getString("title")).isEqualTo(title);
    }
  }

  @Test
  void wrongPasswordsAreRefused() throws Exception {
    try (TodoClient mallory = TodoClient.attempt(port, "alice", "wrong")) {
      assertThat(mallory.outcome()).isEqualTo("401");
    }
  }

  @Test
  void pageConfigurationNamesTheBoundSocketIoPort() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + httpPort + "/app/config.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JSONObject config = new JSONObject(response.body());
    assertThat(config.getInt("port")).isEqualTo(port);
    assertThat(config.getString("namespace")).isEqualTo("/ws/todo");
  }
}
