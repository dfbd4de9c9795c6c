package org.cdswebsocket.cluster.redisson;

import java.util.function.Consumer;
import org.cdswebsocket.cluster.ClusterBus;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;

/**
 * A {@link ClusterBus} on one Redisson {@link RTopic}: every node publishes to and listens on the
 * same channel. Owns the client and shuts it down on {@link #close()}.
 *
 * <p>Threading: Redisson calls the listener on its own threads.
 */
final class RedissonClusterBus implements ClusterBus {

  private final RedissonClient client;
  private final RTopic topic;

  RedissonClusterBus(RedissonClient client, String channel) {
    this.client = client;
    this.topic = client.getTopic(channel, StringCodec.INSTANCE);
  }

  @Override
  public void publish(String message) {
    topic.publish(message);
  }

  @Override
  public void subscribe(Consumer<String> listener) {
    topic.addListener(String.class, (channel, message) -> listener.accept(message));
  }

  @Override
  public boolean isConnected() {
    try {
      return !client.isShutdown() && client.getRedisNodes(RedisNodes.SINGLE).pingAll();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.shutdown();
  }
}
