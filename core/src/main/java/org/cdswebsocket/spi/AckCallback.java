package org.cdswebsocket.spi;

/**
 * Receives the result of one inbound call, for transports that acknowledge calls (Socket.IO).
 *
 * <p>Core calls exactly one of the methods at most once, from the thread that ran the call. Every
 * inbound call with a callback is answered: unknown events fail with code 404 (the Node plugin
 * sends none, which leaves clients waiting for their timeout), unreadable frames with 400.
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
