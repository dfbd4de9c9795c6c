package org.cdswebsocket.cluster;

import java.util.Optional;

/**
 * How this node delivers broadcasts, as decided at start-up by {@link ClusterSetup}: alone (no
 * adapter configured, or configured but not active, or its backend unreachable at start-up) or
 * through a connected {@link ClusterBus}. Reported by the health check. Immutable.
 *
 * @param adapter the configured adapter name, or {@code null}
 * @param mode how the node delivers
 * @param detail a sentence for operators (why local-only, or the channel)
 * @param bus the connected bus in mode {@link Mode#CLUSTER}, else {@code null}
 */
public record ClusterState(String adapter, Mode mode, String detail, ClusterBus bus) {

  /** How the node delivers. */
  public enum Mode {
    /** No adapter configured: a single node by design. */
    NOT_CONFIGURED,
    /** Configured, not active here (not on Cloud Foundry and not forced on). */
    INACTIVE,
    /** Configured and active, but the backend was unreachable at start-up: this node only. */
    LOCAL_ONLY,
    /** Connected to the other nodes. */
    CLUSTER
  }

  /** No adapter configured. */
  public static ClusterState notConfigured() {
    return new ClusterState(null, Mode.NOT_CONFIGURED, "no cluster adapter configured", null);
  }

  /** The connected bus, in mode {@link Mode#CLUSTER}. */
  public Optional<ClusterBus> connectedBus() {
    return Optional.ofNullable(bus);
  }

  /** The same state with the bus replaced (a decorator of it). */
  public ClusterState withBus(ClusterBus decorated) {
    return new ClusterState(adapter, mode, detail, decorated);
  }
}
