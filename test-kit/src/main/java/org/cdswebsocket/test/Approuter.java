package org.cdswebsocket.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real {@code @sap/approuter} in front of an app under test, as on SAP BTP: {@code xs-app.json}
 * routes every path, websockets enabled, to the destination {@code app} given in the environment;
 * no identity service, so the client's {@code Authorization} header reaches the app's mock users
 * unchanged. The approuter comes from the {@code node_modules} of the working directory or one of
 * its parents (in this repository: the version pinned in the root {@code package.json}).
 *
 * <p>Lifecycle: {@link #start} runs it as a Node child process and waits until it listens (fails
 * with its log if it exits); {@link #close()} ends it. Its log is in {@link #log()}.
 */
public final class Approuter implements AutoCloseable {

  private static final String XS_APP =
      """
      {
        "authenticationMethod": "none",
        "websockets": { "enabled": true },
        "routes": [
          {
            "source": "^/(.*)$",
            "target": "/$1",
            "destination": "app",
            "authenticationType": "none",
            "csrfProtection": false
          }
        ]
      }
      """;

  private final Process process;
  private final int port;
  private final Path log;

  private Approuter(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the approuter for the app on {@code appPort} and waits until it accepts connections.
   *
   * @throws IllegalStateException when {@code @sap/approuter} is not installed, or it exits or does
   *     not listen within 90 s
   */
  public static Approuter start(int appPort) throws Exception {
    Path script = nodeModules().resolve("@sap/approuter/approuter.js");
    Path dir = Files.createTempDirectory("approuter");
    Files.writeString(dir.resolve("xs-app.json"), XS_APP);
    int port = freePort();
    Path log = dir.resolve("approuter.log");
    ProcessBuilder builder =
        new ProcessBuilder("node", script.toString())
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

  /** The {@code node_modules} directory of the working directory or its nearest parent. */
  public static Path nodeModules() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("node_modules/@sap/approuter"))) {
        return dir.resolve("node_modules");
      }
    }
    throw new IllegalStateException(
        "@sap/approuter not found in node_modules of "
            + Path.of("").toAbsolutePath()
            + " or its parents: run npm ci");
  }

  /** The approuter's port. */
  public int port() {
    return port;
  }

  /** The approuter's base URL, {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The approuter's log file. */
  public Path log() {
    return log;
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
