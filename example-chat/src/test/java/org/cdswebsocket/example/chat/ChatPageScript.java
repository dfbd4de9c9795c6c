package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/e2e/chat-page.mjs} against a running app: the chat page in Debian's headless
 * Chromium. Fails, never skips, when Chromium is missing.
 */
final class ChatPageScript {

  private static final Path SCRIPT = Path.of("src/test/e2e/chat-page.mjs");
  private static final long TIMEOUT_SECONDS = 120;

  private ChatPageScript() {}

  static void run(int httpPort, String kind) throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      fail(
          "Chromium not found at "
              + chromium
              + ": install Debian's package (apt-get install chromium; .ci/run does) or set"
              + " CHROMIUM. This test never downloads a browser.");
    }
    Path log = Files.createDirectories(Path.of("target/e2e")).resolve("chat-page-" + kind + ".log");
    Process node =
        new ProcessBuilder("node", SCRIPT.toString(), "http://localhost:" + httpPort + "/", kind)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("page test finished:%n%s", output).isTrue();
    assertThat(node.exitValue()).as("page test output:%n%s", output).isZero();
    assertThat(output).contains("bob sees alice's message", "e2e: passed");
  }
}
