package org.cdswebsocket.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The npm {@code socket.io-client} 4.x, as Node plugin clients use it, in a Node process. Fails
 * (never skips) when node or the repository's {@code node_modules/socket.io-client} is missing; the
 * build's npm step installs it before any test runs.
 */
class NodeClientIT {

  private static final RecordingHandler HANDLER = new RecordingHandler();
  private static SocketIoGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        new SocketIoGateway(
            SocketIoOptions.builder().port(0).build(),
            List.of("/ws/chat"),
            HANDLER,
            new TestAuthenticator());
    gateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void nodeClientWorksUnchanged(String transport) throws Exception {
    Path modules = nodeModules();
    assertThat(modules)
        .as("node_modules/socket.io-client (installed by the build's npm step, or npm ci)")
        .isNotNull();
    Path script = Files.createTempFile("sio-client", ".js");
    try (var in = getClass().getResourceAsStream("/node/client.js")) {
      Files.write(script, in.readAllBytes());
    }
    ProcessBuilder pb =
        new ProcessBuilder("node", script.toString(), String.valueOf(gateway.port()), transport);
    pb.environment().put("NODE_PATH", modules.toString());
    pb.redirectErrorStream(true);
    Process process = pb.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Files.deleteIfExists(script);

    Map<String, JsonNode> steps = steps(output);
    assertThat(process.exitValue()).as(output).isZero();
    JsonNode ack = steps.get("ack").get("ack");
    assertThat(ack.get("user").asText()).isEqualTo("alice");
    assertThat(ack.get("id").asText()).isEqualTo("n1");
    assertThat(ack.get("data").get("text").asText()).isEqualTo("hi");
    assertThat(ack.get("headers").get("h").asText()).isEqualTo("v");
    assertThat(steps.get("broadcast").get("data").get("text").asText()).isEqualTo("to all");
    assertThat(steps.get("badToken").get("message").asText()).isEqualTo("401");
    assertThat(steps.get("unknown").get("message").asText()).isEqualTo("Invalid namespace");
    assertThat(steps.get("header").get("ack").get("user").asText()).isEqualTo("alice");
  }

  private static Map<String, JsonNode> steps(String output) throws IOException {
    Map<String, JsonNode> steps = new HashMap<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : output.split("\n")) {
      if (line.startsWith("{")) {
        JsonNode node = mapper.readTree(line);
        steps.put(node.has("step") ? node.get("step").asText() : "fatal", node);
      }
    }
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
