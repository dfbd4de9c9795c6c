package org.cdswebsocket.example.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.test.Approuter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenUI5 page end to end in real headless Chromium (Debian's {@code chromium}, driven by
 * {@code playwright-core} from {@code src/test/e2e/two-browsers.mjs}): alice and bob log in on two
 * pages; alice adds a todo and bob's page shows it without reload, bob ticks it and alice's page
 * shows it done, an empty title shows the error acknowledgement, a delete empties both pages.
 *
 * <p>Runs once against the app's own port and once through a real {@code @sap/approuter} (routes
 * with websockets enabled, as on SAP BTP), where the page, OData and Socket.IO all pass the
 * approuter's port only. Fails (never skips) when Chromium or the built page is missing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.websocket.kind=socket.io")
class TodoBrowserIT {

  private static final Path SCRIPT = Path.of("src/test/e2e/two-browsers.mjs");
  private static final Path OUTPUT = Path.of("target/e2e");
  private static final long TIMEOUT_SECONDS = 180;

  @LocalServerPort int httpPort;

  @Test
  void twoBrowsersStayInSync() throws Exception {
    runTwoBrowsers("http://localhost:" + httpPort + "/", "two-browsers");
  }

  @Test
  void twoBrowsersStayInSyncThroughTheApprouter() throws Exception {
    try (Approuter approuter = Approuter.start(httpPort)) {
      runTwoBrowsers(approuter.baseUrl() + "/", "two-browsers-approuter");
    }
  }

  private void runTwoBrowsers(String baseUrl, String name) throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      fail(
          "Chromium not found at "
              + chromium
              + ": install Debian's package (apt-get install chromium; .ci/run does) or set"
              + " CHROMIUM to its path. This test never downloads a browser.");
    }
    if (getClass().getResource("/static/app/index.html") == null) {
      fail("The OpenUI5 page was not built (was the build run with -Dtodo.ui.skip?)");
    }
    Files.createDirectories(OUTPUT);
    Path log = OUTPUT.resolve(name + ".log");

    Process node =
        new ProcessBuilder(
                "node",
                SCRIPT.toString(),
                baseUrl,
                OUTPUT.resolve("screenshots-" + name).toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(finished)
        .as("browser test finished within %d s:%n%s", TIMEOUT_SECONDS, output)
        .isTrue();
    assertThat(node.exitValue()).as("browser test output:%n%s", output).isZero();
    assertThat(output).contains("bob sees it without reload", "alice sees", "e2e: passed");
  }
}
