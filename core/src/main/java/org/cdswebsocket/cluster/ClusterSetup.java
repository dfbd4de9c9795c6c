package org.cdswebsocket.cluster;

import com.sap.cds.services.environment.CdsEnvironment;
import java.util.Optional;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.spi.WebSocketSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether this node joins a cluster, following the Node plugin's rules: an adapter is
 * configured ({@code cds.websocket.adapter.impl}), not switched off ({@code adapter.active:
 * false}), and either running on Cloud Foundry, or {@code adapter.active: true}, or {@code
 * adapter.local: true}; and the backend is reachable. Otherwise the node delivers locally, with one
 * log line saying why.
 */
public final class ClusterSetup {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterSetup.class);
  private static final String REDIS_FACTORY =
      "org.cdswebsocket.cluster.redisson.RedissonClusterBusFactory";

  private ClusterSetup() {}

  /**
   * The broadcaster to use: a {@link ClusterBroadcaster} around {@code local} when a cluster bus is
   * configured and reachable, else {@code local} itself.
   */
  public static Broadcaster broadcaster(
      WebSocketSettings.Cluster settings, CdsEnvironment environment, Broadcaster local) {
    return bus(settings, environment)
        .<Broadcaster>map(bus -> new ClusterBroadcaster(local, bus))
        .orElse(local);
  }

  static Optional<ClusterBus> bus(WebSocketSettings.Cluster settings, CdsEnvironment env) {
    String impl = settings.impl();
    if (impl == null || impl.isBlank()) {
      return Optional.empty();
    }
    Boolean active = settings.active();
    boolean local = settings.local();
    boolean cloudFoundry = System.getenv("VCAP_APPLICATION") != null;
    if (Boolean.FALSE.equals(active) || !(cloudFoundry || Boolean.TRUE.equals(active) || local)) {
      LOG.info(
          "Cluster adapter {} configured but not active (set cds.websocket.adapter.active or"
              + " .local to true); delivering on this node only",
          impl);
      return Optional.empty();
    }
    String channel = settings.channel();
    try {
      ClusterBus bus = factory(impl).create(settings, env);
      LOG.info("Cluster adapter {} active on channel {}", impl, channel);
      return Optional.of(bus);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn(
          "Cluster adapter {} cannot connect; delivering on this node only: {}",
          impl,
          e.toString());
      return Optional.empty();
    }
  }

  private static ClusterBusFactory factory(String impl) {
    String className = "redis".equals(impl) ? REDIS_FACTORY : impl;
    try {
      return (ClusterBusFactory)
          Class.forName(className, true, ClusterSetup.class.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | NoClassDefFoundError e) {
      throw new IllegalStateException(
          "Cluster adapter "
              + impl
              + " is not available"
              + ("redis".equals(impl) ? "; add org.redisson:redisson to your dependencies" : ""),
          e);
    }
  }
}
