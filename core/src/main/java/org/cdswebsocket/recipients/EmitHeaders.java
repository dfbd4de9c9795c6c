package org.cdswebsocket.recipients;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Emit headers: the third argument of the Node plugin's {@code srv.emit(event, data, headers)}.
 *
 * <p>Two kinds of members matter: filter headers ({@code user}, {@code wsContexts}, {@code
 * currentUser}, ...; read by {@link RecipientsResolver}) and the format sections {@code websocket}
 * and {@code ws}, which are merged ({@code ws} wins) and handed to the message format. A dotted
 * name such as {@code user.include} is a path into nested maps ({@code {user: {include: ...}}}),
 * never a flat key.
 *
 * <p>HTTP-style names are converted by {@link #normalise}: any key starting (in any case) with
 * {@code x-websocket-} or {@code x-ws-} is removed, and its value, parsed to Boolean, Number or
 * String, is stored under the rest of the name and under its camel-case form ({@code
 * x-ws-current-user} gives {@code current-user} and {@code currentUser}). When the rest starts with
 * {@code <format>-} of the event's format, it goes to {@code ws.<format>.<name>} instead ({@code
 * x-ws-cloudevent-subject} gives {@code ws.cloudevent.subject}).
 *
 * <p>Stateless and thread-safe; inputs are never modified.
 */
public final class EmitHeaders {

  private static final String[] HTTP_PREFIXES = {"x-websocket-", "x-ws-"};
  private static final String[] FORMAT_SECTIONS = {"websocket", "ws"};
  private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private EmitHeaders() {}

  /**
   * Converts the {@code x-ws-*} / {@code x-websocket-*} members of {@code headers} as described in
   * the class documentation and returns a new map; other members are kept as they are.
   *
   * @param headers emit headers, may be {@code null}
   * @param format the event's format name, for {@code x-ws-<format>-<name>}
   */
  public static Map<String, Object> normalise(Map<String, ?> headers, String format) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (headers == null) {
      return out;
    }
    Map<String, Object> converted = new LinkedHashMap<>();
    headers.forEach(
        (key, value) -> {
          String name = stripPrefix(key);
          if (name == null) {
            out.put(key, value);
          } else {
            converted.put(name, value instanceof String s ? parse(s) : value);
          }
        });
    converted.forEach((name, value) -> put(out, name, value, format));
    return out;
  }

  /**
   * Whether a header name is an HTTP-style emit header ({@code x-ws-*} / {@code x-websocket-*}, any
   * case).
   */
  public static boolean isRecipientHeader(String name) {
    return stripPrefix(name) != null;
  }

  /** The subset of request headers that are websocket emit headers, with their original names. */
  public static Map<String, String> relevantRequestHeaders(Map<String, String> requestHeaders) {
    Map<String, String> relevant = new LinkedHashMap<>();
    if (requestHeaders != null) {
      requestHeaders.forEach(
          (k, v) -> {
            if (k != null && stripPrefix(k) != null) {
              relevant.put(k, v);
            }
          });
    }
    return relevant;
  }

  /**
   * Merges request-derived headers with explicit emit headers. Explicit headers win; the {@code ws}
   * and {@code websocket} sections are merged member by member.
   */
  public static Map<String, Object> merge(
      Map<String, Object> fromRequest, Map<String, ?> explicit) {
    Map<String, Object> out = new LinkedHashMap<>(fromRequest);
    if (explicit == null) {
      return out;
    }
    explicit.forEach(
        (k, v) -> {
          if (out.get(k) instanceof Map<?, ?> base && v instanceof Map<?, ?> more) {
            Map<String, Object> both = new LinkedHashMap<>();
            base.forEach((bk, bv) -> both.put(String.valueOf(bk), bv));
            more.forEach((mk, mv) -> both.put(String.valueOf(mk), mv));
            out.put(k, both);
          } else {
            out.put(k, v);
          }
        });
    return out;
  }

  /**
   * The value at a dotted path ({@code user.include} reads {@code headers.user.include}), or {@code
   * null}.
   */
  public static Object lookup(Map<String, ?> headers, String path) {
    Object current = headers;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  /** The {@code websocket} and {@code ws} sections, merged ({@code ws} wins), for the format. */
  public static Map<String, Object> formatSection(Map<String, ?> headers) {
    Map<String, Object> merged = new LinkedHashMap<>();
    if (headers == null) {
      return merged;
    }
    for (String section : FORMAT_SECTIONS) {
      if (headers.get(section) instanceof Map<?, ?> values) {
        values.forEach((k, v) -> merged.put(String.valueOf(k), v));
      }
    }
    return merged;
  }

  /** Parses an HTTP header value: {@code true}/{@code false}, a number, else the string. */
  static Object parse(String value) {
    String v = value.trim();
    if (v.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (v.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    if (NUMBER.matcher(v).matches()) {
      BigDecimal number = new BigDecimal(v);
      try {
        return number.longValueExact();
      } catch (ArithmeticException notIntegral) {
        return number.doubleValue();
      }
    }
    return value;
  }

  /** {@code current-user} becomes {@code currentUser}. */
  static String camelCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-' || c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static String stripPrefix(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String prefix : HTTP_PREFIXES) {
      if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
        return lower.substring(prefix.length());
      }
    }
    return null;
  }

  private static void put(Map<String, Object> out, String name, Object value, String format) {
    String formatPrefix = format == null ? null : format.toLowerCase(Locale.ROOT) + "-";
    if (formatPrefix != null
        && name.startsWith(formatPrefix)
        && name.length() > formatPrefix.length()) {
      String inner = name.substring(formatPrefix.length());
      Map<String, Object> section = section(section(out, "ws"), format);
      section.put(inner, value);
      section.put(camelCase(inner), value);
      return;
    }
    out.put(name, value);
    out.put(camelCase(name), value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> parent, String name) {
    Object existing = parent.get(name);
    Map<String, Object> section = new LinkedHashMap<>();
    if (existing instanceof Map<?, ?> map) {
      ((Map<Object, Object>) map).forEach((k, v) -> section.put(String.valueOf(k), v));
    }
    parent.put(name, section);
    return section;
  }
}
