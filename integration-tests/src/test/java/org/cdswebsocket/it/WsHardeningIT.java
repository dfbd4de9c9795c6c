package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on kind ws with the JDK WebSocket client: cross-site upgrades, technical and
 * password-less mock users, and messages around the size limit (assembled from parts, since the
 * container's own buffer is kept small).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WsHardeningIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void foreignOriginIsRefusedWith403BeforeTheUpgrade() {
    assertThat(upgrade("https://evil.example", "alice", "alice")).isEqualTo(403);
    assertThat(upgrade("https://evil.example", null, null)).isEqualTo(403);
    assertThat(upgrade("http://localhost:" + (port + 1), "alice", "alice")).isEqualTo(403);
  }

  @Test
  void sameOriginAllowListedOriginAndNoOriginAreAccepted() {
    assertThat(upgrade("http://localhost:" + port, "alice", "alice")).isEqualTo(101);
    assertThat(upgrade("https://ui.example", "alice", "alice")).isEqualTo(101);
    assertThat(upgrade(null, "alice", "alice")).isEqualTo(101);
  }

  @Test
  void privilegedMockUserIsNeverAcceptedOverASocket() throws Exception {
    assertThat(WsTestClient.handshakeStatus(port, "/ws/main", "root", "root")).isEqualTo(401);
  }

  @Test
  void emptyPasswordIsNeverAcceptedOverASocket() throws Exception {
    assertThat(WsTestClient.handshakeStatus(port, "/ws/main", "nopass", "")).isEqualTo(401);
  }

  @Test
  void largeMessageUnderTheLimitArrivesAlsoInManyFrames() throws Exception {
    String text = "x".repeat(300_000);
    String frame = "{\"event\":\"trigger\",\"data\":{\"text\":\"" + text + "\"}}";
    try (WsTestClient alice = WsTestClient.connect(port, "/ws/main", "alice", "alice")) {
      alice.sendText(frame);
      assertThat(alice.next("customEvent", WAIT).path("data").path("text").asText())
          .hasSize(text.length());

      alice.sendTextInParts(frame, 7_000);

      assertThat(alice.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo(text);
      assertThat(alice.isOpen()).isTrue();
    }
  }

  @Test
  void messageOverTheLimitClosesWith1009AlsoWhenSentInParts() throws Exception {
    try (WsTestClient alice = WsTestClient.connect(port, "/ws/main", "alice", "alice")) {
      alice.sendTextInParts("y".repeat(1_000_001), 100_000);

      assertThat(alice.closeCode(WAIT)).isEqualTo(1009);
    }
    try (WsTestClient bob = WsTestClient.connect(port, "/ws/main", "bob", "bob")) {
      bob.send("trigger", Map.of("text", "z".repeat(1_000_001)));

      assertThat(bob.closeCode(WAIT)).isEqualTo(1009);
    }
  }

  private int upgrade(String origin, String user, String password) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    if (user != null) {
      builder.header("Authorization", WsTestClient.basic(user, password));
    }
    try {
      builder
          .buildAsync(
              URI.create("ws://localhost:" + port + "/ws/main"), new WebSocket.Listener() {})
          .join()
          .abort();
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }
}
