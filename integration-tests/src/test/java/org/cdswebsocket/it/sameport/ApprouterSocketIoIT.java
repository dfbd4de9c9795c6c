package org.cdswebsocket.it.sameport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.test.Approuter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Kind socket.io behind a real {@code @sap/approuter}, reached through the approuter's port only:
 * the npm socket.io-client over websocket, long-polling and the polling→websocket upgrade, as mock
 * users whose Basic credentials the approuter passes through, and anonymous (refused).
 */
@SocketIoKindTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprouterSocketIoIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int appPort;
  private Approuter approuter;
  private final Map<String, JsonNode> results = new HashMap<>();

  @BeforeAll
  void startApprouterAndRunClients() throws Exception {
    approuter = Approuter.start(appPort);
    Process node =
        new ProcessBuilder(
                "node",
                Path.of("src/test/resources/node/approuter-socketio.js")
                    .toAbsolutePath()
                    .toString(),
                approuter.baseUrl())
            .directory(Approuter.nodeModules().getParent().toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("node client finished").isTrue();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    for (String line : out.split("\n")) {
      if (line.startsWith("{")) {
        JsonNode result = JSON.readTree(line);
        results.put(result.path("scenario").asText(), result);
      }
    }
    assertThat(results).as("client output: %s", out).hasSize(4);
  }

  @AfterAll
  void stopApprouter() {
    if (approuter != null) {
      approuter.close();
    }
  }

  @Test
  void websocketThroughTheApprouterJoinsAsTheForwardedUser() {
    JsonNode ws = results.get("websocket");
    assertThat(ws.path("connected").asBoolean()).as("%s", ws).isTrue();
    assertThat(ws.path("welcome").asText()).isEqualTo("alice");
    assertThat(ws.path("contexts").toString()).isEqualTo("[\"via-approuter\"]");
    assertThat(ws.path("transport").asText()).isEqualTo("websocket");
  }

  @Test
  void longPollingThroughTheApprouterJoinsAsTheForwardedUser() {
    JsonNode polling = results.get("polling");
    assertThat(polling.path("connected").asBoolean()).as("%s", polling).isTrue();
    assertThat(polling.path("welcome").asText()).isEqualTo("bob");
    assertThat(polling.path("contexts").toString()).isEqualTo("[\"via-approuter\"]");
  }

  @Test
  void pollingUpgradesToWebsocketThroughTheApprouter() {
    JsonNode upgrade = results.get("upgrade");
    assertThat(upgrade.path("connected").asBoolean()).as("%s", upgrade).isTrue();
    assertThat(upgrade.path("welcome").asText()).isEqualTo("alice");
    assertThat(upgrade.path("transport").asText()).isEqualTo("websocket");
  }

  @Test
  void anonymousClientsAreRefusedByTheAppBehindTheApprouter() {
    JsonNode anonymous = results.get("anonymous");
    assertThat(anonymous.path("connected").asBoolean()).as("%s", anonymous).isFalse();
    assertThat(anonymous.path("welcome").isMissingNode()).isTrue();
  }
}
