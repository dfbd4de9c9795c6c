package org.cdswebsocket.recipients;

import java.util.Locale;

/**
 * How include or exclude filters of different kinds (user, role, context, identifier) combine, as
 * {@code @ws.operator.include} / {@code cds.websocket.operator.include} in the Node plugin.
 */
public enum Operator {
  /** A client matches if it matches any of the specified filter kinds (the default). */
  OR,
  /** A client matches only if it matches every specified filter kind. */
  AND;

  /** Parses {@code or} / {@code and} (any case); anything else gives {@code fallback}. */
  public static Operator parse(Object value, Operator fallback) {
    if (value == null) {
      return fallback;
    }
    return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
      case "and" -> AND;
      case "or" -> OR;
      default -> fallback;
    };
  }
}
