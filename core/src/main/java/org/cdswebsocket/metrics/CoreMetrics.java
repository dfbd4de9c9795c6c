package org.cdswebsocket.metrics;

import java.util.function.IntSupplier;
import org.cdswebsocket.spi.WebSocketMetrics;

/**
 * Everything cds-websocket measures: the adapters' events ({@link WebSocketMetrics}) and those core
 * records through its decorators ({@link MeteredConnectionHandler}, {@link
 * org.cdswebsocket.cluster.MeteredClusterBus}) and its {@link
 * org.cdswebsocket.broadcast.LocalBroadcaster}.
 *
 * <p>Paths are endpoint paths, mapped to service names by the implementation. Threading: every
 * method may be called from any thread, is cheap and never throws.
 */
public interface CoreMetrics extends WebSocketMetrics {

  /** Records nothing. */
  CoreMetrics NONE = new CoreMetrics() {};

  /** The open sessions at {@code path}, read when the gauge is sampled. */
  default void openSessions(String path, IntSupplier sessions) {}

  /** A session at {@code path} opened. */
  default void connected(String path) {}

  /** A session at {@code path} sent a message. */
  default void inbound(String path) {}

  /** A call at {@code path} was answered with an error acknowledgement carrying {@code code}. */
  default void errorAcknowledged(String path, Object code) {}

  /** A broadcast at {@code path} was handed to {@code sessions} sessions of this node. */
  default void broadcastDelivered(String path, int sessions) {}

  /** A broadcast was published to the cluster bus ({@code ok}) or the publish failed. */
  default void clusterPublished(boolean ok) {}

  /** A message of another node arrived from the cluster bus. */
  default void clusterReceived() {}
}
