package org.cdswebsocket.spi;

/**
 * WebSocket close status codes used by this library (RFC 6455, section 7.4.1).
 *
 * <p>Socket.IO has no close codes; its adapter maps the code to a disconnect reason instead.
 *
 * @param code the numeric status code sent in the close frame
 */
public record CloseCode(int code) {

  /**
   * 1000: "normal closure, meaning that the purpose for which the connection was established has
   * been fulfilled."
   */
  public static final CloseCode NORMAL = new CloseCode(1000);

  /** 1001: "an endpoint is going away, such as a server going down". */
  public static final CloseCode GOING_AWAY = new CloseCode(1001);

  /** 1002: "an endpoint is terminating the connection due to a protocol error". */
  public static final CloseCode PROTOCOL_ERROR = new CloseCode(1002);

  /**
   * 1003: "an endpoint is terminating the connection because it has received a type of data it
   * cannot accept" (binary frames).
   */
  public static final CloseCode UNSUPPORTED_DATA = new CloseCode(1003);

  /**
   * 1007: "received data within a message that was not consistent with the type of the message".
   */
  public static final CloseCode INVALID_PAYLOAD = new CloseCode(1007);

  /** 1008: "received a message that violates its policy". */
  public static final CloseCode POLICY_VIOLATION = new CloseCode(1008);

  /** 1009: "received a message that is too big for it to process". */
  public static final CloseCode TOO_BIG = new CloseCode(1009);

  /** 1011: "encountered an unexpected condition that prevented it from fulfilling the request". */
  public static final CloseCode INTERNAL_ERROR = new CloseCode(1011);

  /** 1013: try again later; used when a slow consumer's send queue overflows. */
  public static final CloseCode TRY_AGAIN_LATER = new CloseCode(1013);
}
