package org.cdswebsocket.spi;

import com.sap.cds.services.ErrorStatus;
import com.sap.cds.services.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds error acknowledgements in the Node plugin's shape: {@code {"error": {"code": <code>,
 * "message": <text>}}}.
 *
 * <p>CAP errors keep their code (numeric HTTP-like codes as numbers, symbolic ones as strings) and
 * message. Unexpected exceptions are reported as code 500 with a generic message, so that no
 * internal detail leaks to clients; they are logged by the caller.
 */
public final class ErrorPayload {

  /** Code for frames the format cannot parse or data of the wrong shape. */
  public static final int BAD_REQUEST = 400;

  /** Code for events that are neither an operation nor a built-in event of the endpoint. */
  public static final int NOT_FOUND = 404;

  /** Code for unexpected failures. */
  public static final int INTERNAL = 500;

  /** Code for calls refused because the worker pool is saturated. */
  public static final int UNAVAILABLE = 503;

  private ErrorPayload() {}

  /** The error payload for a CAP exception. */
  public static Map<String, Object> of(ServiceException e) {
    ErrorStatus status = e.getErrorStatus();
    Object code = status == null ? INTERNAL : codeOf(status);
    return of(code, e.getLocalizedMessage());
  }

  /** An error payload with this code and message. */
  public static Map<String, Object> of(Object code, String message) {
    Map<String, Object> error = new LinkedHashMap<>(2);
    error.put("code", code);
    if (message != null) {
      error.put("message", message);
    }
    return Map.of("error", error);
  }

  private static Object codeOf(ErrorStatus status) {
    String code = status.getCodeString();
    if (code == null || code.isEmpty()) {
      return status.getHttpStatus();
    }
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return code;
    }
  }
}
