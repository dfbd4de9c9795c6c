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

  /**
   * The call succeeded and has no result at all, not even {@code null}: the built-in {@code
   * wsContext} of a service without its own {@code wsContext} operation. Socket.IO acknowledges it
   * with an empty argument list ({@code 43/nsp,<id>[]}), as the Node plugin does; transports that
   * cannot tell the difference keep this default, which reports a {@code null} result.
   */
  default void successWithoutResult() {
    success(null);
  }
}
