package org.cdswebsocket.recipients;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.cdswebsocket.spi.Json;

/**
 * Turns filter values from annotations, event data and emit headers into the strings clients are
 * matched against, as the Node plugin does: a {@link Date} becomes its ISO-8601 instant with
 * milliseconds ({@code 2024-01-31T12:00:00.000Z}, JavaScript's {@code toISOString()}), other {@code
 * java.time} values their ISO text, maps and beans their JSON text, numbers their shortest decimal
 * text ({@code 1.0} gives {@code "1"}), everything else {@code String.valueOf}. Arrays and
 * collections are flattened at any depth, {@code null}s dropped, duplicates removed (first
 * occurrence wins). An empty result means "no restriction".
 *
 * <p>Stateless and thread-safe.
 */
public final class FilterValues {

  private static final DateTimeFormatter JS_ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private FilterValues() {}

  /** The normalised, de-duplicated strings of a value (scalar, array, collection or nested). */
  public static Set<String> normalise(Object value) {
    Set<String> out = new LinkedHashSet<>();
    addTo(out, value);
    return out;
  }

  /** Adds the normalised strings of {@code value} to {@code target}. */
  public static void addTo(Set<String> target, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> many) {
      many.forEach(v -> addTo(target, v));
    } else if (value.getClass().isArray() && !(value instanceof byte[])) {
      int length = Array.getLength(value);
      for (int i = 0; i < length; i++) {
        addTo(target, Array.get(value, i));
      }
    } else {
      target.add(text(value));
    }
  }

  /** The string of one scalar value. */
  static String text(Object value) {
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof Date date) {
      return JS_ISO.format(date.toInstant());
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof TemporalAccessor temporal) {
      return temporal.toString();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return number(new BigDecimal(value.toString()));
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> || !isSimple(value)) {
      return Json.write(value);
    }
    return value.toString();
  }

  /**
   * JavaScript truthiness of a data or header value: {@code null}, {@code false}, {@code 0}, {@code
   * NaN} and the empty string are falsy; everything else (also empty lists and maps) is truthy.
   */
  public static boolean isTruthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof CharSequence s) {
      return !s.isEmpty();
    }
    if (value instanceof Double d) {
      return d != 0 && !d.isNaN();
    }
    if (value instanceof Float f) {
      return f != 0 && !f.isNaN();
    }
    if (value instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    if (value instanceof BigInteger i) {
      return i.signum() != 0;
    }
    if (value instanceof Number n) {
      return n.longValue() != 0;
    }
    return true;
  }

  private static String number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
  }

  private static boolean isSimple(Object value) {
    return value instanceof Enum<?> || value.getClass().getName().startsWith("java.");
  }
}
