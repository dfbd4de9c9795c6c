package org.cdswebsocket.it.sameport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A real {@code @sap/approuter} (the exact version pinned in the root {@code package.json}) in
 * front of the test app: {@code xs-app.json} routes every path, websockets enabled, to the
 * destination {@code app} given in the environment; no identity service, so the client's {@code
 * Authorization} header reaches the app's mock users unchanged. Started as a Node child process;
 * {@link #close()} ends it.
 */
final class Approuter implements AutoCloseable {

  static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();

  private final Process process;
  private final int port;
  private final Path log;

  private Approuter(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the approuter for the app on {@code appPort} and waits until it accepts connections. */
  static Approuter start(int appPort) throws Exception {
    Path dir = Files.createTempDirectory("approuter");
    try (var in = Approuter.class.getResourceAsStream("/approuter/xs-app.json")) {
      Files.copy(Objects.requireNonNull(in, "xs-app.json"), dir.resolve("xs-app.json"));
    }
    int port = freePort();
    Path log = dir.resolve("approuter.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "node", REPO_ROOT.resolve("node_modules/@sap/approuter/approuter.js").toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PORT", Integer.toString(port));
    builder
        .environment()
        .put(
            "destinations",
            "[{\"name\":\"app\",\"url\":\"http://127.0.0.1:"
                + appPort
                + "\",\"forwardAuthToken\":false}]");
    Approuter router = new Approuter(builder.start(), port, log);
    router.awaitListening(Duration.ofSeconds(90));
    return router;
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitListening(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("approuter exited: " + Files.readString(log));
      }
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    close();
    throw new IllegalStateException("approuter did not listen within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
