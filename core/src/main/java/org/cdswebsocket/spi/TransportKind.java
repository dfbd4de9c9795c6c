package org.cdswebsocket.spi;

/**
 * Announces a transport adapter on the class path, found with {@link java.util.ServiceLoader}.
 *
 * <p>Core uses it only to fail fast when {@code cds.websocket.kind} names a kind whose adapter
 * dependency is missing, and to learn whether the transport encodes event data itself.
 */
public interface TransportKind {

  /** The kind this adapter serves, e.g. {@code ws} or {@code socket.io}. */
  String kind();

  /** The Maven artifact that provides this kind, named in error messages. */
  String artifact();

  /**
   * Whether the transport sends the event name and structured data itself (Socket.IO), so that the
   * {@code json} format hands data over unchanged instead of composing a text frame.
   */
  boolean structuredEvents();
}
