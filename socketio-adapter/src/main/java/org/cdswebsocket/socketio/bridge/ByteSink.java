package org.cdswebsocket.socketio.bridge;

/**
 * Where a {@link BridgeChannel} writes the bytes of an upgraded connection: the container's
 * non-blocking output. Called on the channel's event loop only.
 */
interface ByteSink {

  /** Whether {@link #write} may be called now; when not, the sink calls back once it may. */
  boolean isReady();

  /** Writes all bytes (the container buffers what the socket does not take at once). */
  void write(byte[] bytes);

  /** Pushes buffered bytes to the network. */
  void flush();

  /** Closes the connection; idempotent. */
  void close();
}
