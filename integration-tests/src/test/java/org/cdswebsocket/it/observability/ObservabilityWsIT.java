package org.cdswebsocket.it.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Kind ws without a cluster: real WebSocket clients connect, send and receive a broadcast; the
 * metrics and the health (a single node by design, no Socket.IO server) are read through Actuator's
 * HTTP endpoints.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.websocket.kind=ws",
      "management.endpoints.web.exposure.include=health,metrics",
      "management.endpoint.health.show-details=always"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ObservabilityWsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String MAIN = "service:MainService";

  @LocalServerPort int port;

  @Test
  void metricsAndHealthOfKindWs() throws Exception {
    Actuator actuator = new Actuator(port);
    try (WsTestClient alice = WsTestClient.connect(port, "/ws/main", "alice", "alice");
        WsTestClient bob = WsTestClient.connect(port, "/ws/main", "bob", "bob")) {

      alice.send("trigger", Map.of("text", "counted"));
      assertThat(bob.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo("counted");

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(
                        actuator.measure("cds.websocket.sessions.open", "VALUE", MAIN, "kind:ws"))
                    .isEqualTo(2);
                assertThat(actuator.measure("cds.websocket.connects", "COUNT", MAIN)).isEqualTo(2);
                assertThat(actuator.measure("cds.websocket.messages.inbound", "COUNT", MAIN))
                    .isEqualTo(1);
                assertThat(actuator.measure("cds.websocket.deliveries", "COUNT", MAIN))
                    .isEqualTo(2);
              });
      assertThat(actuator.measure("cds.websocket.send.queue", "VALUE", "kind:ws")).isZero();

      // bob is no admin: refused before the upgrade, counted with its reason
      assertThat(WsTestClient.handshakeStatus(port, "/ws/admins", "bob", "bob")).isEqualTo(403);
      assertThat(
              actuator.measure(
                  "cds.websocket.connects.refused",
                  "COUNT",
                  "service:AdminsService",
                  "reason:forbidden"))
          .isEqualTo(1);
      assertThat(actuator.metric("cds.websocket.cluster.publishes")).isNull();
    }

    var health = actuator.health();
    assertThat(health.path("components").has("cdsWebSocketServer")).isFalse();
    var cluster = health.path("components").path("cdsWebSocketCluster");
    assertThat(cluster.path("status").asText()).isEqualTo("UP");
    assertThat(cluster.path("details").path("mode").asText()).isEqualTo("not-configured");
  }
}
