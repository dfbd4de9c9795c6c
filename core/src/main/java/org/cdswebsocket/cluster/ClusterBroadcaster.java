package org.cdswebsocket.cluster;

import java.util.UUID;
import org.cdswebsocket.broadcast.Broadcast;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.spi.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every broadcast on this node directly and publishes it once on the {@link ClusterBus};
 * other nodes deliver it to their own matching sessions. A node ignores its own messages (node id),
 * so nobody receives an event twice, and the excluded sender stays excluded everywhere.
 *
 * <p>Errors: a failed publish is logged and the local delivery still happens; an undecodable
 * received message is logged and dropped. Threading: thread-safe.
 */
public final class ClusterBroadcaster implements Broadcaster, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterBroadcaster.class);

  private final String nodeId = UUID.randomUUID().toString();
  private final Broadcaster local;
  private final ClusterBus bus;

  /** Connects the local broadcaster to the bus and subscribes to it. */
  public ClusterBroadcaster(Broadcaster local, ClusterBus bus) {
    this.local = local;
    this.bus = bus;
    bus.subscribe(this::received);
  }

  @Override
  public void broadcast(Broadcast broadcast) {
    local.broadcast(broadcast);
    try {
      bus.publish(
          ClusterCodec.encode(
              new ClusterMessage(
                  nodeId,
                  broadcast.event(),
                  broadcast.format(),
                  Json.plain(broadcast.data()),
                  broadcast.headers(),
                  broadcast.recipients(),
                  broadcast.serviceName(),
                  broadcast.definition())));
    } catch (RuntimeException e) {
      LOG.warn(
          "Event {} not published to the cluster; delivered on this node only",
          broadcast.event(),
          e);
    }
  }

  private void received(String text) {
    ClusterMessage message;
    try {
      message = ClusterCodec.decode(text);
    } catch (IllegalArgumentException e) {
      LOG.warn("Dropping a cluster message that cannot be decoded: {}", e.getMessage());
      return;
    }
    if (nodeId.equals(message.nodeId())) {
      return;
    }
    try {
      local.broadcast(
          new Broadcast(
              message.event(),
              message.format(),
              message.data(),
              message.headers(),
              message.recipients(),
              message.serviceName(),
              message.definition()));
    } catch (RuntimeException e) {
      LOG.warn("Delivering cluster event {} failed", message.event(), e);
    }
  }

  @Override
  public void close() {
    bus.close();
  }
}
