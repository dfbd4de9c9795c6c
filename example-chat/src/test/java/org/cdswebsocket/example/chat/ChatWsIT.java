package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat over kind ws: the real app on a random port, real JDK WebSocket clients with the mock
 * users alice and bob.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.websocket.max-message-size=4096")
class ChatWsIT {

  private static final String CHAT = "/ws/chat";

  @LocalServerPort int port;

  /** Joins the chat as a mock user whose password is the user name. */
  private WsTestClient join(String user) throws Exception {
    return WsTestClient.connect(port, CHAT, user, user);
  }

  @Test
  void everyClientReceivesWhatEitherSends() throws Exception {
    try (WsTestClient alice = join("alice");
        WsTestClient bob = join("bob")) {
      alice.next("presence");
      bob.next("presence");

      alice.send("message", Map.of("text", "hello bob"));
      assertReceived(alice, "hello bob", "alice");
      assertReceived(bob, "hello bob", "alice");

      bob.send("message", Map.of("text", "hi alice"));
      assertReceived(alice, "hi alice", "bob");
      assertReceived(bob, "hi alice", "bob");
    }
  }

  @Test
  void connectAndDisconnectCallTheLifecycleOperations() throws Exception {
    try (WsTestClient alice = join("alice")) {
      // each nextPresence fails the test when the event does not arrive in time
      nextPresence(alice, "alice", "joined");
      try (WsTestClient bob = join("bob")) {
        nextPresence(alice, "bob", "joined");
      }
      nextPresence(alice, "bob", "left");
    }
  }

  @Test
  void handshakeWithoutValidCredentialsIsRefused() throws Exception {
    assertThat(WsTestClient.handshakeStatus(port, CHAT, null, null)).isEqualTo(401);
    assertThat(WsTestClient.handshakeStatus(port, CHAT, "alice", "wrong")).isEqualTo(401);
    assertThat(WsTestClient.handshakeStatus(port, CHAT, "mallory", "mallory")).isEqualTo(401);
    assertThat(WsTestClient.handshakeStatus(port, "/ws/nope", "alice", "alice")).isEqualTo(404);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          this is not json                                                     | Malformed JSON
          [1, 2, 3]                                                            | must be an object
          {"data": {"text": "no event"}}                                       | needs a non-empty string member 'event'
          {"event": "doesNotExist", "data": {}}                                | unknown event "doesNotExist"
          {"event": "message", "data": {"text": 42}}                           | Parameter \\"text\\" must be a string
          {"event": "message", "data": "text"}                                 | Member 'data' must be an object
          {"event": "message", "data": {"text": "x", "extra": 1}}              | Property \\"extra\\" does not exist
          {"event": "announce", "data": {"text": "bob is no moderator"}}       | Not authorized
          """)
  void badInputIsLoggedAndHarmsNoSession(String frame, String logged, CapturedOutput output)
      throws Exception {
    try (WsTestClient alice = join("alice");
        WsTestClient bob = join("bob")) {
      bob.sendText(frame);

      bob.send("message", Map.of("text", "still works"));
      assertReceived(alice, "still works", "bob");
      assertReceived(bob, "still works", "bob");
      assertThat(bob.isOpen()).isTrue();
      assertThat(output.getOut()).contains(logged);
    }
  }

  @Test
  void allowedCallOfARestrictedOperationWorks() throws Exception {
    try (WsTestClient alice = join("alice");
        WsTestClient bob = join("bob")) {
      alice.send("announce", Map.of("text", "welcome"));

      assertReceived(bob, "welcome", "moderator alice");
    }
  }

  @Test
  void binaryFrameClosesOnlyThatSessionWith1003() throws Exception {
    try (WsTestClient alice = join("alice");
        WsTestClient bob = join("bob")) {
      bob.sendBinary(new byte[] {1, 2, 3});

      assertThat(bob.closeCode()).isEqualTo(1003);
      alice.send("message", Map.of("text", "alone"));
      assertReceived(alice, "alone", "alice");
    }
  }

  @Test
  void oversizedMessageClosesOnlyThatSessionWith1009() throws Exception {
    try (WsTestClient alice = join("alice");
        WsTestClient bob = join("bob")) {
      bob.send("message", Map.of("text", "x".repeat(10_000)));

      assertThat(bob.closeCode()).isEqualTo(1009);
      alice.send("message", Map.of("text", "fine"));
      assertReceived(alice, "fine", "alice");
    }
  }

  /**
   * Waits for the presence event of this user and status; other presence events (of clients of
   * earlier tests whose disconnect is still being processed) are skipped.
   */
  private static void nextPresence(WsTestClient client, String user, String status)
      throws InterruptedException {
    while (true) {
      JsonNode data = client.next("presence").path("data");
      if (user.equals(data.path("user").asText()) && status.equals(data.path("status").asText())) {
        return;
      }
    }
  }

  private static void assertReceived(WsTestClient client, String text, String user)
      throws InterruptedException {
    JsonNode data = client.next("received").path("data");
    assertThat(data.path("text").asText()).isEqualTo(text);
    assertThat(data.path("user").asText()).isEqualTo(user);
  }
}
