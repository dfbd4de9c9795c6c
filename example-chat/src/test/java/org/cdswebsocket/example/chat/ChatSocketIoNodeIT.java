package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sap.cds.services.runtime.CdsRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat over kind socket.io with the npm {@code socket.io-client} 4.x in a Node process ({@code
 * src/test/js/chat-client.js}), over websocket and long-polling, on the app's own port (credentials
 * in the {@code Authorization} header; {@link ChatSocketIoNodeStandaloneIT}: a standalone port,
 * credentials in the {@code auth} payload, tickets). Fails (never skips) when node or the
 * repository's {@code node_modules/socket.io-client} is missing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.websocket.kind=socket.io")
class ChatSocketIoNodeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CdsRuntime runtime;
  @LocalServerPort int httpPort;

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void nodeClientChatsUnchanged(String transport) throws Exception {
    Path modules = nodeModules();
    assertThat(modules)
        .as("node_modules/socket.io-client (installed by the build's npm step, or npm ci)")
        .isNotNull();
    int ownPort =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME)
            .port();
    boolean standalone = ownPort > 0;
    int port = standalone ? ownPort : httpPort;

    ProcessBuilder node =
        new ProcessBuilder(
                "node",
                Path.of("src/test/js/chat-client.js").toAbsolutePath().toString(),
                String.valueOf(port),
                String.valueOf(httpPort),
                transport,
                standalone ? "standalone" : "same-port")
            .redirectErrorStream(true);
    node.environment().put("NODE_PATH", modules.toString());
    Process process = node.start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exited).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    Map<String, JsonNode> steps = steps(output);

    assertThat(steps.get("presenceJoined").path("user").asText()).isEqualTo("bob");
    assertThat(steps.get("messageAck").asText()).isEqualTo("hello bob");
    for (String who : new String[] {"aliceReceived", "bobReceived"}) {
      assertThat(steps.get(who).path("text").asText()).isEqualTo("hello bob");
      assertThat(steps.get(who).path("user").asText()).isEqualTo("alice");
    }
    assertThat(errorStatus(steps.get("announceByBob"))).isEqualTo(403);
    assertThat(errorStatus(steps.get("wrongType"))).isEqualTo(400);
    assertThat(errorStatus(steps.get("unknownEvent"))).isEqualTo(404);
    assertThat(errorStatus(steps.get("dataNotObject"))).isEqualTo(400);
    assertThat(errorStatus(steps.get("binary"))).isEqualTo(415);
    assertThat(steps.get("wsContext").isArray()).isTrue();
    assertThat(steps.get("wsContext")).isEmpty(); // 43/ws/chat,N[] as from a Node server
    assertThat(steps.get("stillWorks").asText()).isEqualTo("still works");
    assertThat(steps.get("presenceLeft").path("status").asText()).isEqualTo("left");
    assertThat(steps.get("noCredentials").asText()).isEqualTo("401");
    assertThat(steps.get("wrongPassword").asText()).isEqualTo("401");
    assertThat(steps.get("unknownNamespace").asText()).isEqualTo("Invalid namespace");
    if (standalone) {
      assertThat(steps.get("ticketAck").asText()).isEqualTo("via ticket");
      assertThat(steps.get("ticketReplay").asText()).isEqualTo("401");
    } else {
      assertThat(steps).doesNotContainKey("ticketAck"); // tickets are for the standalone port
    }
  }

  /** The HTTP status of an error ack; CAP Java's own codes start with it ({@code 403001}). */
  private static int errorStatus(JsonNode ack) {
    int code = ack.path("error").path("code").asInt();
    assertThat(ack.path("error").path("message").asText()).isNotBlank();
    return code >= 100_000 ? code / 1000 : code;
  }

  private static Map<String, JsonNode> steps(String output) throws Exception {
    Map<String, JsonNode> steps = new HashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("{")) {
        JsonNode node = JSON.readTree(line);
        steps.put(node.path("step").asText(), node.get("value"));
      }
    }
    assertThat(steps).as(output).doesNotContainKey("fatal");
    return steps;
  }

  private static Path nodeModules() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("node_modules");
      if (Files.isDirectory(candidate.resolve("socket.io-client"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return null;
  }
}
