package org.cdswebsocket.socketio.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the official Socket.IO protocol test-suite ({@code socketio/socket.io-protocol}, {@code
 * test-suite/}, EIO=4) with Node and mocha against the {@link EchoFixture}, in same-port and in
 * standalone mode. The suite is not part of this repository: it is taken from the directory in
 * {@code -Dsocketio.protocol.suite} (or env {@code SOCKET_IO_PROTOCOL_SUITE}); without it the test
 * is skipped with that message. Its dependencies (mocha, chai, chai-string, node-fetch, ws) come
 * from the root {@code package.json}. The only change made to it is its server URL.
 *
 * <p>Each mode must pass at least the number of tests recorded below (what the adapter achieves
 * today, see the module README); every failing test is printed.
 */
class ProtocolSuiteIT {

  /**
   * Passing tests, measured 24 (same port) and 24 (standalone) of 32, minus 2 for the suite's
   * client-side race on custom-namespace connects (its client can miss the {@code auth} event that
   * arrives in the same read as the connect answer; see the module README); raise when the adapter
   * gets better, never lower silently. The 8 red ones are by design (root namespace G1, binary G4;
   * see the module README).
   */
  static final int SAME_PORT_BASELINE = 22;

  static final int STANDALONE_BASELINE = 22;

  private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void samePortMode() throws Exception {
    try (EchoFixture fixture = EchoFixture.samePort()) {
      assertThat(run("same-port", fixture.port())).isGreaterThanOrEqualTo(SAME_PORT_BASELINE);
    }
  }

  @Test
  void standaloneMode() throws Exception {
    try (EchoFixture fixture = EchoFixture.standalone()) {
      assertThat(run("standalone", fixture.port())).isGreaterThanOrEqualTo(STANDALONE_BASELINE);
    }
  }

  /** Runs the suite against the port; returns the number of passing tests. */
  private static int run(String mode, int port) throws Exception {
    Path dir = Path.of("target", "protocol-suite-" + mode).toAbsolutePath();
    copySuite(dir, port);
    Path report = dir.resolve("report.json");
    Process node =
        new ProcessBuilder(
                "node",
                REPO_ROOT.resolve("node_modules/mocha/bin/mocha").toString(),
                "--exit",
                "--reporter",
                "json",
                "--reporter-option",
                "output=" + report,
                "test-suite.js")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mocha.log").toFile())
            .start();
    if (!node.waitFor(5, TimeUnit.MINUTES)) {
      node.destroyForcibly();
      throw new AssertionError("the protocol suite did not finish; see " + dir);
    }
    assertThat(report).as("mocha report (see %s)", dir.resolve("mocha.log")).exists();
    JsonNode result = JSON.readTree(report.toFile());
    List<String> failed = new ArrayList<>();
    result
        .path("failures")
        .forEach(
            f ->
                failed.add(
                    f.path("fullTitle").asText()
                        + " -> "
                        + f.path("err").path("message").asText()));
    int passes = result.path("stats").path("passes").asInt();
    System.out.printf(
        "Socket.IO protocol suite, %s mode: %d/%d passed%n%s%n",
        mode, passes, result.path("stats").path("tests").asInt(), String.join("\n", failed));
    return passes;
  }

  private static void copySuite(Path target, int port) throws IOException {
    Path source = suiteSource();
    Files.createDirectories(target);
    for (String file : List.of("test-suite.js", "node-imports.js", "package.json")) {
      String text = Files.readString(source.resolve(file), StandardCharsets.UTF_8);
      Files.writeString(
          target.resolve(file),
          text.replace("http://localhost:3000", "http://127.0.0.1:" + port),
          StandardCharsets.UTF_8);
    }
  }

  /**
   * The suite's directory, or the test is skipped: the suite is not ours to commit and the CI
   * machines reach no source repository, so it runs where a developer provides it.
   */
  private static Path suiteSource() {
    String configured = System.getProperty("socketio.protocol.suite");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("SOCKET_IO_PROTOCOL_SUITE");
    }
    Assumptions.assumeTrue(
        configured != null && !configured.isBlank(),
        "Official Socket.IO protocol suite not run: set -Dsocketio.protocol.suite=<dir of"
            + " socketio/socket.io-protocol's test-suite/> (see socketio-adapter/README.md)");
    Path dir = Path.of(configured);
    assertThat(dir.resolve("test-suite.js")).as("the protocol suite in %s", dir).exists();
    return dir;
  }
}
