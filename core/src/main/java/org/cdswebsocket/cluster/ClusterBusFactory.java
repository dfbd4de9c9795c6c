package org.cdswebsocket.cluster;

import com.sap.cds.services.environment.CdsEnvironment;

/**
 * Creates a {@link ClusterBus} from the application's environment; named by {@code
 * cds.websocket.adapter.impl} ({@code redis} selects the built-in Redisson bus, anything else is a
 * class name). Must have a public no-argument constructor.
 */
public interface ClusterBusFactory {

  /**
   * Connects the bus.
   *
   * @param environment the CAP environment ({@code cds.websocket.adapter.*}, service bindings)
   * @param channel the channel name, from {@code cds.websocket.adapter.options.key}
   * @throws RuntimeException if the backend is unreachable; the caller then runs local-only
   */
  ClusterBus create(CdsEnvironment environment, String channel);
}
