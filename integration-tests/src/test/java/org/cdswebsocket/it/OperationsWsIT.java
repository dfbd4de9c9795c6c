package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operations and events over kind ws against the real test app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsWsIT {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofMillis(500);

  @LocalServerPort int port;

  @Test
  void eventReachesAllClientsOfTheTenantButNoOther() throws Exception {
    try (WsTestClient alice = WsTestClient.connect(port, "/ws/main", "alice", "alice");
        WsTestClient bob = WsTestClient.connect(port, "/ws/main", "bob", "bob");
        WsTestClient dave = WsTestClient.connect(port, "/ws/main", "dave", "dave")) {

      alice.send("trigger", Map.of("text", "t1 only"));

      assertThat(alice.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo("t1 only");
      assertThat(bob.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo("t1 only");
      assertThat(dave.collect("customEvent", QUIET)).isEmpty();
    }
  }

  @Test
  void wrongParameterTypeIsRefusedAndSessionStaysUsable() throws Exception {
    try (WsTestClient alice = WsTestClient.connect(port, "/ws/main", "alice", "alice")) {
      alice.send("trigger", Map.of("text", 42));
      alice.send("trigger", Map.of("unknown", "x"));
      alice.send("trigger", Map.of("text", "after"));

      assertThat(alice.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo("after");
      assertThat(alice.isOpen()).isTrue();
    }
  }

  @Test
  void unknownPathIsNotFoundAndAnonymousIsUnauthorized() throws Exception {
    assertThat(WsTestClient.handshakeStatus(port, "/ws/nope", "alice", "alice")).isEqualTo(404);
    assertThat(WsTestClient.handshakeStatus(port, "/ws/main", null, null)).isEqualTo(401);
    assertThat(WsTestClient.handshakeStatus(port, "/ws/main", "alice", "nope")).isEqualTo(401);
  }
}
