package org.cdswebsocket.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.it.TestApplication;
import org.cdswebsocket.it.client.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of the test app, each with its own CAP runtime and server, joined through a real Redis
 * configured with a Node adapter name: an event emitted on one node reaches the clients of the
 * other, exactly once, and tenant isolation holds across nodes. Written once; a subclass per kind
 * says how to start a node and connect a client.
 */
public abstract class AbstractClusterRedisIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofMillis(700);

  /** A connected client of the {@code /ws/main} endpoint, whatever the kind. */
  protected interface NodeClient extends AutoCloseable {

    /** Sends an event with data. */
    void send(String event, Map<String, ?> data) throws Exception;

    /** The {@code text} of the next {@code event}; fails after the timeout. */
    String nextText(String event, Duration timeout) throws Exception;

    /** How many {@code event}s arrive within the duration. */
    int count(String event, Duration within) throws Exception;

    @Override
    void close();
  }

  static RedisServer redis;
  final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  /** The kind's properties (besides the cluster ones). */
  protected abstract List<String> kindProperties();

  /** Connects a mock user (password = user name) to {@code /ws/main} of the node. */
  protected abstract NodeClient connect(ConfigurableApplicationContext node, String user)
      throws Exception;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
    nodes.clear();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  ConfigurableApplicationContext node(String adapter, String redisAddress) {
    List<String> properties = new ArrayList<>(kindProperties());
    properties.add("server.port=0");
    properties.add("cds.websocket.adapter.impl=" + adapter);
    properties.add("cds.websocket.adapter.local=true");
    properties.add("cds.websocket.adapter.config.address=" + redisAddress);
    ConfigurableApplicationContext node =
        new SpringApplicationBuilder(TestApplication.class)
            .properties(properties.toArray(String[]::new))
            .run();
    nodes.add(node);
    return node;
  }

  @Test
  void eventEmittedOnOneNodeReachesClientsOfAllNodesOnce() throws Exception {
    ConfigurableApplicationContext nodeA = node("@socket.io/redis-adapter", redis.address());
    ConfigurableApplicationContext nodeB = node("redis", redis.address());
    try (NodeClient alice = connect(nodeA, "alice");
        NodeClient bob = connect(nodeB, "bob");
        NodeClient dave = connect(nodeB, "dave")) {

      alice.send("trigger", Map.of("text", "across nodes"));

      assertThat(bob.nextText("customEvent", WAIT)).isEqualTo("across nodes");
      assertThat(alice.nextText("customEvent", WAIT)).isEqualTo("across nodes");
      assertThat(alice.count("customEvent", QUIET)).as("no second copy").isZero();
      assertThat(bob.count("customEvent", QUIET)).as("no second copy").isZero();
      assertThat(dave.count("customEvent", QUIET)).as("other tenant").isZero();
    }
  }

  @Test
  void unreachableRedisLeavesTheNodeWorkingLocally() throws Exception {
    ConfigurableApplicationContext lonely = node("redis", "redis://127.0.0.1:1");
    try (NodeClient alice = connect(lonely, "alice")) {

      alice.send("trigger", Map.of("text", "local only"));

      assertThat(alice.nextText("customEvent", WAIT)).isEqualTo("local only");
    }
  }
}
