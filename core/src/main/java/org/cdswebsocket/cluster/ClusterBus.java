package org.cdswebsocket.cluster;

import java.util.function.Consumer;

/**
 * The transport between nodes: publishes messages and hands every received message (the node's own
 * included) to one listener. Implementations know nothing of sessions or filters; {@link
 * ClusterBroadcaster} owns the protocol.
 *
 * <p>Implement this for another technology and name your {@link ClusterBusFactory} in {@code
 * cds.websocket.adapter.impl}:
 *
 * <pre>{@code
 * public final class MyBus implements ClusterBus {
 *   public void publish(String message) { client.send(CHANNEL, message); }
 *   public void subscribe(Consumer<String> listener) { client.onMessage(CHANNEL, listener); }
 *   public void close() { client.close(); }
 * }
 * }</pre>
 *
 * <p>Threading: {@link #publish} may be called from any thread and should not block for long; the
 * listener may be called on the bus's own threads. Errors: {@link #publish} throws on failure; the
 * caller logs it and still delivers locally.
 */
public interface ClusterBus extends AutoCloseable {

  /** Publishes one encoded message to all nodes. */
  void publish(String message);

  /** Registers the listener for messages of all nodes. Called once. */
  void subscribe(Consumer<String> listener);

  /**
   * Whether the backend is reachable now, for the health check; may take up to the connect timeout.
   * The default says yes.
   */
  default boolean isConnected() {
    return true;
  }

  /** Releases connections. */
  @Override
  void close();
}
