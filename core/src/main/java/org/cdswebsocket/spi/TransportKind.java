package org.cdswebsocket.spi;

/**
 * Announces a transport adapter on the class path, found with {@link java.util.ServiceLoader}.
 *
 * <p>Core uses it to fail fast when {@code cds.websocket.kind} names a kind whose adapter
 * dependency is missing, and to learn whether the transport encodes event data itself.
 * Implementations are stateless and need a public no-argument constructor.
 */
public interface TransportKind {

  /** The kind this adapter serves. */
  WebSocketKind kind();

  /**
   * Whether the transport sends the event name and structured data itself (Socket.IO), so that the
   * {@code json} format hands data over unchanged instead of composing a text frame.
   */
  boolean structuredEvents();
}
