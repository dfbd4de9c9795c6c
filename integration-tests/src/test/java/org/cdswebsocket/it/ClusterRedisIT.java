package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.cdswebsocket.it.client.RedisServer;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of the test app, each with its own CAP runtime and Tomcat, joined through a real Redis:
 * an event emitted on one node reaches the clients of the other, exactly once, and tenant isolation
 * holds across nodes.
 */
class ClusterRedisIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofMillis(700);

  static RedisServer redis;
  static ConfigurableApplicationContext nodeA;
  static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void startCluster() throws Exception {
    redis = RedisServer.start();
    nodeA = node(redis.address());
    nodeB = node(redis.address());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ConfigurableApplicationContext node :
        new ConfigurableApplicationContext[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  static ConfigurableApplicationContext node(String redisAddress) {
    return new SpringApplicationBuilder(TestApplication.class)
        .properties(
            "server.port=0",
            "cds.websocket.adapter.impl=redis",
            "cds.websocket.adapter.local=true",
            "cds.websocket.adapter.config.address=" + redisAddress)
        .run();
  }

  static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  @Test
  void eventEmittedOnOneNodeReachesClientsOfAllNodesOnce() throws Exception {
    try (WsTestClient alice = WsTestClient.connect(port(nodeA), "/ws/main", "alice", "alice");
        WsTestClient bob = WsTestClient.connect(port(nodeB), "/ws/main", "bob", "bob");
        WsTestClient dave = WsTestClient.connect(port(nodeB), "/ws/main", "dave", "dave")) {

      alice.send("trigger", Map.of("text", "across nodes"));

      assertThat(bob.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo("across nodes");
      assertThat(alice.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo("across nodes");
      assertThat(alice.collect("customEvent", QUIET)).as("no second copy").isEmpty();
      assertThat(bob.collect("customEvent", QUIET)).as("no second copy").isEmpty();
      assertThat(dave.collect("customEvent", QUIET)).as("other tenant").isEmpty();
    }
  }

  @Test
  void unreachableRedisLeavesTheNodeWorkingLocally() throws Exception {
    try (ConfigurableApplicationContext lonely = node("redis://127.0.0.1:1");
        WsTestClient alice = WsTestClient.connect(port(lonely), "/ws/main", "alice", "alice")) {

      alice.send("trigger", Map.of("text", "local only"));

      assertThat(alice.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo("local only");
    }
  }
}
