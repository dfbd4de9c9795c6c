package org.cdswebsocket.it.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sap.cds.services.runtime.CdsRuntime;
import java.time.Duration;
import java.util.Map;
import org.cdswebsocket.it.client.RedisServer;
import org.cdswebsocket.test.SocketIoTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kind socket.io joined to a real Redis: real Socket.IO clients connect, are refused, call, fail
 * and receive a broadcast; then the metrics and the health of the Socket.IO server and the cluster
 * bus are read through Actuator's HTTP endpoints. Finally Redis goes away and the cluster health
 * turns DOWN.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.websocket.kind=socket.io",
      "cds.websocket.port=0",
      "cds.websocket.adapter.impl=@socket.io/redis-adapter",
      "cds.websocket.adapter.local=true",
      "cds.websocket.adapter.config.connect-timeout=1000",
      "management.endpoints.web.exposure.include=health,metrics",
      "management.endpoint.health.show-details=always"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilitySocketIoIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String MAIN = "service:MainService";

  static RedisServer redis;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) throws Exception {
    redis = RedisServer.start();
    registry.add("cds.websocket.adapter.config.address", redis::address);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  @Autowired CdsRuntime runtime;
  @LocalServerPort int httpPort;

  @Test
  @Order(1)
  void metricsCountWhatRealClientsDid() throws Exception {
    Actuator actuator = new Actuator(httpPort);
    int port = SocketIoTestClient.port(runtime);
    try (SocketIoTestClient alice = SocketIoTestClient.connect(port, "/ws/main", "alice", null);
        SocketIoTestClient bob = SocketIoTestClient.connect(port, "/ws/main", "bob", null)) {

      assertThat(alice.emitWithAck("sum", Map.of("a", 1, "b", 2)).asInt()).isEqualTo(3);
      assertThat(alice.emitWithAck("noSuchEvent", Map.of()).path("error").path("code").asInt())
          .isEqualTo(404);
      alice.emit("trigger", Map.of("text", "counted"));
      assertThat(bob.next("customEvent", WAIT).data().path("text").asText()).isEqualTo("counted");
      refusedAsUnknownUser(port);
      refusedAtUnknownNamespace(port);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(actuator.measure("cds.websocket.sessions.open", "VALUE", MAIN))
                    .isEqualTo(2);
                assertThat(actuator.measure("cds.websocket.connects", "COUNT", MAIN)).isEqualTo(2);
                assertThat(actuator.measure("cds.websocket.messages.inbound", "COUNT", MAIN))
                    .isEqualTo(3);
                assertThat(actuator.measure("cds.websocket.errors", "COUNT", MAIN, "code:404"))
                    .isEqualTo(1);
                assertThat(actuator.measure("cds.websocket.deliveries", "COUNT", MAIN))
                    .isEqualTo(2);
                assertThat(actuator.measure("cds.websocket.broadcast.fanout", "COUNT", MAIN))
                    .isEqualTo(1);
                assertThat(
                        actuator.measure(
                            "cds.websocket.connects.refused", "COUNT", "reason:unauthorized"))
                    .isEqualTo(1);
                assertThat(
                        actuator.measure(
                            "cds.websocket.connects.refused",
                            "COUNT",
                            "reason:unknown-endpoint",
                            "service:none"))
                    .isEqualTo(1);
                assertThat(
                        actuator.measure(
                            "cds.websocket.cluster.publishes", "COUNT", "kind:socket.io"))
                    .isEqualTo(1);
                assertThat(actuator.measure("cds.websocket.cluster.received", "COUNT"))
                    .isGreaterThanOrEqualTo(1);
              });
      assertThat(actuator.measure("cds.websocket.worker.queue", "VALUE", "kind:socket.io"))
          .isZero();
      assertThat(actuator.metric("cds.websocket.send.queue", "kind:socket.io")).isNotNull();
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(actuator.measure("cds.websocket.sessions.open", "VALUE", MAIN))
                    .isZero());
  }

  @Test
  @Order(2)
  void noMeterIsTaggedWithTenantOrUserAndUnknownPathsDoNotBecomeTags() throws Exception {
    Actuator actuator = new Actuator(httpPort);
    int port = SocketIoTestClient.port(runtime);
    for (int i = 0; i < 3; i++) {
      try (SocketIoTestClient probe =
          SocketIoTestClient.open(
              port, "/probe-" + i, "alice", null, SocketIoTestClient.Transport.WEBSOCKET)) {
        probe.connectError(WAIT);
      }
    }
    for (String meter :
        new String[] {
          "cds.websocket.sessions.open",
          "cds.websocket.connects",
          "cds.websocket.connects.refused",
          "cds.websocket.messages.inbound",
          "cds.websocket.errors",
          "cds.websocket.deliveries"
        }) {
      assertThat(actuator.tagKeys(meter))
          .as(meter)
          .isSubsetOf("kind", "service", "reason", "code")
          .contains("kind", "service");
    }
    JsonNodeValues services =
        new JsonNodeValues(actuator.metric("cds.websocket.connects.refused"), "service");
    assertThat(services.values()).doesNotContain("/probe-0", "/probe-1", "/probe-2");
  }

  @Test
  @Order(3)
  void healthShowsTheSocketIoServerAndTheConnectedClusterBus() throws Exception {
    var health = new Actuator(httpPort).health();
    var server = health.path("components").path("cdsWebSocketServer");
    assertThat(server.path("status").asText()).isEqualTo("UP");
    assertThat(server.path("details").path("port").asInt())
        .isEqualTo(SocketIoTestClient.port(runtime));
    var cluster = health.path("components").path("cdsWebSocketCluster");
    assertThat(cluster.path("status").asText()).isEqualTo("UP");
    assertThat(cluster.path("details").path("mode").asText()).isEqualTo("cluster");
    assertThat(cluster.path("details").path("adapter").asText())
        .isEqualTo("@socket.io/redis-adapter");
  }

  @Test
  @Order(4)
  void clusterHealthTurnsDownWhenRedisGoesAway() throws Exception {
    redis.close();
    redis = null;
    Actuator actuator = new Actuator(httpPort);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        actuator
                            .health()
                            .path("components")
                            .path("cdsWebSocketCluster")
                            .path("status")
                            .asText())
                    .isEqualTo("DOWN"));
  }

  private static void refusedAsUnknownUser(int port) throws Exception {
    try (SocketIoTestClient mallory =
        SocketIoTestClient.open(
            port, "/ws/main", "mallory", null, SocketIoTestClient.Transport.WEBSOCKET)) {
      assertThat(mallory.connectError(WAIT)).isEqualTo("401");
    }
  }

  private static void refusedAtUnknownNamespace(int port) throws Exception {
    try (SocketIoTestClient lost =
        SocketIoTestClient.open(
            port, "/ws/nowhere", "alice", null, SocketIoTestClient.Transport.WEBSOCKET)) {
      assertThat(lost.connectError(WAIT)).isNotNull();
    }
  }

  /** The values of one tag in a metric's {@code availableTags}. */
  private record JsonNodeValues(com.fasterxml.jackson.databind.JsonNode metric, String tag) {
    java.util.List<String> values() {
      java.util.List<String> values = new java.util.ArrayList<>();
      metric
          .path("availableTags")
          .forEach(
              t -> {
                if (tag.equals(t.path("tag").asText())) {
                  t.path("values").forEach(v -> values.add(v.asText()));
                }
              });
      return values;
    }
  }
}
