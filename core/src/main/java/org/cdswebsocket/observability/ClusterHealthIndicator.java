package org.cdswebsocket.observability;

import com.sap.cds.services.runtime.CdsRuntime;
import org.cdswebsocket.cluster.ClusterState;
import org.cdswebsocket.config.ObservabilityHub;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of the cluster bus. {@code UP} with {@code mode: cluster} while the bus reaches its
 * backend, {@code DOWN} when a bus that connected at start-up has lost it. A node that runs alone
 * is {@code UP}, and says why: {@code not-configured}, {@code inactive}, or {@code local-only} when
 * the backend was unreachable at start-up (the node delivers to its own clients; a restart joins
 * the cluster once the backend is back). Details: {@code mode}, {@code adapter}, {@code detail}.
 *
 * <p>Threading: called by Actuator on any thread; a check of a connected bus pings the backend and
 * takes at most the connect timeout.
 */
public final class ClusterHealthIndicator implements HealthIndicator {

  private final CdsRuntime runtime;

  public ClusterHealthIndicator(CdsRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Health health() {
    ClusterState state = ObservabilityHub.of(runtime).map(ObservabilityHub::cluster).orElse(null);
    if (state == null) {
      return Health.unknown().withDetail("detail", "cds-websocket is disabled").build();
    }
    Health.Builder health =
        switch (state.mode()) {
          case CLUSTER -> state.bus().isConnected() ? Health.up() : Health.down();
          case NOT_CONFIGURED, INACTIVE, LOCAL_ONLY -> Health.up();
        };
    health.withDetail("mode", mode(state.mode()));
    if (state.adapter() != null) {
      health.withDetail("adapter", state.adapter());
    }
    return health.withDetail("detail", state.detail()).build();
  }

  private static String mode(ClusterState.Mode mode) {
    return mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
