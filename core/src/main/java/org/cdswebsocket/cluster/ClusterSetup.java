package org.cdswebsocket.cluster;

import com.sap.cds.services.environment.CdsEnvironment;
import java.util.List;
import java.util.Optional;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.spi.WebSocketSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether this node joins a cluster, following the Node plugin's rules: an adapter is
 * configured ({@code cds.websocket.adapter.impl}), not switched off ({@code adapter.active:
 * false}), and either running on Cloud Foundry, or {@code adapter.active: true}, or {@code
 * adapter.local: true}; and the backend is reachable.
 *
 * <p>Adapter names: {@code redis} and the Node plugin's {@code @socket.io/redis-adapter} and {@code
 * @socket.io/redis-streams-adapter} select the built-in Redisson bus, for kind {@code ws} and
 * {@code socket.io} alike; any other value is the class name of a {@link ClusterBusFactory}.
 *
 * <p>Errors: a configuration that cannot work stops start-up with an {@link IllegalStateException}
 * naming what to change: an unknown adapter name, a class that is not a {@link ClusterBusFactory},
 * or an adapter whose library is missing (Redisson: the artifact {@value #REDISSON_ARTIFACT}). This
 * is checked whenever an adapter is configured, active or not, so that a deployment cannot silently
 * run alone. A backend that is unreachable at start-up is a warning: the node delivers locally.
 * Stateless.
 */
public final class ClusterSetup {

  /** The artifact that provides the Redis bus. */
  public static final String REDISSON_ARTIFACT = "org.redisson:redisson";

  /** The adapter names that select the built-in Redisson bus. */
  public static final List<String> REDIS_NAMES =
      List.of("redis", "@socket.io/redis-adapter", "@socket.io/redis-streams-adapter");

  private static final Logger LOG = LoggerFactory.getLogger(ClusterSetup.class);
  private static final String REDIS_FACTORY =
      "org.cdswebsocket.cluster.redisson.RedissonClusterBusFactory";
  private static final String REDISSON_PROBE = "org.redisson.Redisson";

  private ClusterSetup() {}

  /**
   * The cluster bus to use, connected, or empty to deliver on this node only.
   *
   * @throws IllegalStateException when the configured adapter is unknown or its library missing
   */
  public static Optional<ClusterBus> bus(WebSocketSettings.Cluster settings, CdsEnvironment env) {
    return connect(settings, env).connectedBus();
  }

  /**
   * Connects the configured adapter, if any and active, and says how this node delivers.
   *
   * @throws IllegalStateException when the configured adapter is unknown or its library missing
   */
  public static ClusterState connect(WebSocketSettings.Cluster settings, CdsEnvironment env) {
    return connect(settings, env, ClusterSetup.class.getClassLoader());
  }

  /**
   * The broadcaster to use: a {@link ClusterBroadcaster} around {@code local} when a cluster bus is
   * configured and reachable, else {@code local} itself.
   *
   * @throws IllegalStateException when the configured adapter is unknown or its library missing
   */
  public static Broadcaster broadcaster(
      WebSocketSettings.Cluster settings, CdsEnvironment environment, Broadcaster local) {
    return broadcaster(connect(settings, environment), local);
  }

  /** A {@link ClusterBroadcaster} around {@code local} in mode CLUSTER, else {@code local}. */
  public static Broadcaster broadcaster(ClusterState state, Broadcaster local) {
    return state
        .connectedBus()
        .<Broadcaster>map(bus -> new ClusterBroadcaster(local, bus))
        .orElse(local);
  }

  static Optional<ClusterBus> bus(
      WebSocketSettings.Cluster settings, CdsEnvironment env, ClassLoader loader) {
    return connect(settings, env, loader).connectedBus();
  }

  static ClusterState connect(
      WebSocketSettings.Cluster settings, CdsEnvironment env, ClassLoader loader) {
    String impl = settings.impl();
    if (impl == null || impl.isBlank()) {
      return ClusterState.notConfigured();
    }
    ClusterBusFactory factory = factory(impl.trim(), loader);
    Boolean active = settings.active();
    boolean cloudFoundry = System.getenv("VCAP_APPLICATION") != null;
    if (Boolean.FALSE.equals(active)
        || !(cloudFoundry || Boolean.TRUE.equals(active) || settings.local())) {
      LOG.info(
          "Cluster adapter {} configured but not active (set cds.websocket.adapter.active or"
              + " .local to true); delivering on this node only",
          impl);
      return new ClusterState(
          impl,
          ClusterState.Mode.INACTIVE,
          "configured but not active outside Cloud Foundry (cds.websocket.adapter.local)",
          null);
    }
    try {
      ClusterBus bus = factory.create(settings, env);
      LOG.info("Cluster adapter {} active on channel {}", impl, settings.channel());
      return new ClusterState(
          impl, ClusterState.Mode.CLUSTER, "channel " + settings.channel(), bus);
    } catch (RuntimeException e) {
      LOG.warn(
          "Cluster adapter {} cannot connect; delivering on this node only: {}",
          impl,
          e.toString());
      return new ClusterState(
          impl,
          ClusterState.Mode.LOCAL_ONLY,
          "unreachable at start-up, delivering on this node only ("
              + e.getClass().getSimpleName()
              + ")",
          null);
    }
  }

  /**
   * The factory an adapter name selects.
   *
   * @throws IllegalStateException for an unknown name or a missing library
   */
  static ClusterBusFactory factory(String impl, ClassLoader loader) {
    if (REDIS_NAMES.contains(impl)) {
      requireRedisson(impl, loader);
      LOG.info(
          "Cluster adapter '{}' is served by the Redisson bus (Redis pub/sub; the same for kind ws"
              + " and socket.io)",
          impl);
      return instantiate(impl, REDIS_FACTORY, loader);
    }
    return instantiate(impl, impl, loader);
  }

  private static void requireRedisson(String impl, ClassLoader loader) {
    try {
      Class.forName(REDISSON_PROBE, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "cds.websocket.adapter.impl '"
              + impl
              + "' needs Redisson, which is not on the class path. Add the dependency "
              + REDISSON_ARTIFACT
              + " to your application, or remove cds.websocket.adapter.impl.",
          e);
    }
  }

  private static ClusterBusFactory instantiate(String impl, String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "cds.websocket.adapter.impl '"
              + impl
              + "' is unknown: use one of "
              + REDIS_NAMES
              + " or the class name of a "
              + ClusterBusFactory.class.getName(),
          e);
    } catch (LinkageError e) {
      throw missingLibrary(impl, e);
    }
    if (!ClusterBusFactory.class.isAssignableFrom(type)) {
      throw new IllegalStateException(
          "cds.websocket.adapter.impl '"
              + impl
              + "' is not a "
              + ClusterBusFactory.class.getName());
    }
    try {
      return (ClusterBusFactory) type.getDeclaredConstructor().newInstance();
    } catch (LinkageError e) {
      throw missingLibrary(impl, e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cds.websocket.adapter.impl '"
              + impl
              + "' cannot be created; it needs a public constructor without arguments",
          e);
    }
  }

  private static IllegalStateException missingLibrary(String impl, LinkageError e) {
    return new IllegalStateException(
        "cds.websocket.adapter.impl '"
            + impl
            + "' cannot be loaded because a library it needs is missing ("
            + e
            + "); add it to your application",
        e);
  }
}
