package org.cdswebsocket.cluster;

import com.sap.cds.services.environment.CdsEnvironment;
import org.cdswebsocket.spi.WebSocketSettings;

/**
 * Creates a {@link ClusterBus}; named by {@code cds.websocket.adapter.impl} ({@code redis} selects
 * the built-in Redisson bus, anything else is a class name). Must have a public no-argument
 * constructor.
 */
public interface ClusterBusFactory {

  /**
   * Connects the bus.
   *
   * @param settings the {@code cds.websocket.adapter.*} settings (channel, connection)
   * @param environment the CAP environment, for service bindings
   * @throws RuntimeException if the backend is unreachable; the caller then runs local-only
   */
  ClusterBus create(WebSocketSettings.Cluster settings, CdsEnvironment environment);
}
