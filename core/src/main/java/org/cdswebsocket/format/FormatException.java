package org.cdswebsocket.format;

/**
 * A frame that the endpoint's format cannot parse. Core logs it and reports it to the client where
 * the transport allows; the session stays open.
 */
public class FormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FormatException(String message) {
    super(message);
  }

  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
