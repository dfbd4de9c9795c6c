package org.cdswebsocket.spi;

/**
 * Receives the result of one inbound call, for transports that acknowledge calls (Socket.IO).
 *
 * <p>Core calls exactly one of the two methods at most once, from the thread that ran the call.
 * Unknown events get no acknowledgement at all, as in the Node plugin.
 */
public interface AckCallback {

  /** The operation result (may be {@code null} for void operations). */
  void success(Object result);

  /** The call failed; {@code error} has the Node plugin's shape {@code {error:{code,message}}}. */
  void failure(Object error);
}
