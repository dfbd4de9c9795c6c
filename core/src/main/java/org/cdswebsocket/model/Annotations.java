package org.cdswebsocket.model;

import com.sap.cds.reflect.CdsAnnotatable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one place that spells annotation names. Every websocket annotation exists with the prefixes
 * {@code @websocket.} and {@code @ws.}; filter annotations also with {@code @websocket.broadcast.}
 * and {@code @ws.broadcast.}. Values of all variants are aggregated, never overridden, as in the
 * Node plugin.
 *
 * <p>The CDS compiler flattens record annotations ({@code @ws: {format: 'pcp'}} becomes {@code
 * ws.format}), so lookups by the dotted name cover both spellings.
 */
public final class Annotations {

  /** Service-level switch: {@code @websocket} / {@code @ws}. */
  public static final List<String> ENABLED = List.of("websocket", "ws");

  /** Protocol annotations whose value (string or list) may name {@code websocket} or {@code ws}. */
  public static final List<String> PROTOCOL = List.of("protocol", "protocols");

  /** Protocol names that select this adapter. */
  public static final List<String> PROTOCOL_NAMES = List.of("websocket", "ws");

  /** Service path: {@code @path}. */
  public static final String PATH = "path";

  /** Annotations that exclude a service from every protocol. */
  public static final List<String> IGNORE_SERVICE = List.of("cds.ignore", "cds.serve.ignore");

  /** Element or parameter excluded from websocket handling: {@code @websocket.ignore}. */
  public static final String IGNORE = "ignore";

  /** Message format: {@code @websocket.format}. */
  public static final String FORMAT = "format";

  /**
   * Entity: what the CRUD broadcasts carry ({@code key}, {@code data}, {@code none}), {@code
   * @websocket.broadcast.content}; looked up before its short form {@link #BROADCAST}.
   */
  public static final String BROADCAST_CONTENT = "broadcast.content";

  /** Entity: short form of {@link #BROADCAST_CONTENT}, {@code @websocket.broadcast}. */
  public static final String BROADCAST = "broadcast";

  /** Entity: CRUD broadcasts reach the calling socket too, {@code @websocket.broadcast.all}. */
  public static final String BROADCAST_ALL = "broadcast.all";

  /** Entity annotations (without prefix) that make an entity draft-enabled. */
  public static final List<String> DRAFT_ENABLED =
      List.of("odata.draft.enabled", "fiori.draft.enabled");

  /**
   * Filter kind: user names ({@code @ws.user}, {@code @ws.user.include}, {@code @ws.user.exclude};
   * special values {@link #INCLUDE_CURRENT} and {@link #EXCLUDE_CURRENT}).
   */
  public static final String FILTER_USER = "user";

  /** Filter kind: the emitting user ({@code @ws.currentUser[.include|.exclude]}, boolean). */
  public static final String FILTER_CURRENT_USER = "currentUser";

  /** Filter kind: roles ({@code @ws.role[.include|.exclude]}). */
  public static final String FILTER_ROLE = "role";

  /** Filter kind: event contexts ({@code @ws.context[.include|.exclude]}). */
  public static final String FILTER_CONTEXT = "context";

  /** Filter kind: client identifiers ({@code @ws.identifier[.include|.exclude]}). */
  public static final String FILTER_IDENTIFIER = "identifier";

  /** Suffix of an include filter annotation; the bare kind name is its shorthand. */
  public static final String INCLUDE = ".include";

  /** Suffix of an exclude filter annotation. */
  public static final String EXCLUDE = ".exclude";

  /** Value of {@code @ws.user} meaning "the emitting user is included". */
  public static final String INCLUDE_CURRENT = "includeCurrent";

  /** Value of {@code @ws.user} meaning "the emitting user is excluded". */
  public static final String EXCLUDE_CURRENT = "excludeCurrent";

  /** Event or service: how include kinds combine, {@code @ws.operator.include} ({@code or|and}). */
  public static final String OPERATOR_INCLUDE = "operator.include";

  /** Event or service: how exclude kinds combine, {@code @ws.operator.exclude} ({@code or|and}). */
  public static final String OPERATOR_EXCLUDE = "operator.exclude";

  /**
   * Event, operation or service: the websocket path it is re-routed to, {@code @websocket.path} /
   * {@code @ws.path} (relative to the protocol prefix, or absolute).
   */
  public static final String ROUTE = "path";

  private static final List<String> PREFIXES = List.of("websocket.", "ws.");
  private static final List<String> FILTER_PREFIXES =
      List.of("websocket.", "ws.", "websocket.broadcast.", "ws.broadcast.");

  private Annotations() {}

  /**
   * The first non-null value of {@code @websocket.<name>} or {@code @ws.<name>}; an enum symbol
   * ({@code #data}, read by CAP Java as {@code {"#": "data"}}) is returned as its string.
   */
  public static Optional<Object> first(CdsAnnotatable target, String name) {
    for (String prefix : PREFIXES) {
      Object value = target.getAnnotationValue(prefix + name, null);
      if (value != null) {
        return Optional.of(symbol(value));
      }
    }
    return Optional.empty();
  }

  /**
   * The string value of {@code @websocket.<name>} or {@code @ws.<name>} (an enum symbol counts as
   * its string).
   *
   * @param where names the annotated definition in the error
   * @throws IllegalStateException if the value is not a string, naming the annotation
   */
  public static Optional<String> text(CdsAnnotatable target, String name, String where) {
    for (String prefix : PREFIXES) {
      Object value = target.getAnnotationValue(prefix + name, null);
      if (value == null) {
        continue;
      }
      if (symbol(value) instanceof String text && !text.isBlank()) {
        return Optional.of(text);
      }
      throw unreadable(prefix + name, where, value, "a non-empty string");
    }
    return Optional.empty();
  }

  /**
   * The start-up error for an annotation value the resolver cannot read.
   *
   * @param annotation the annotation name without {@code @}
   * @param where the annotated definition
   * @param value the value found
   * @param expected what was expected
   */
  public static IllegalStateException unreadable(
      String annotation, String where, Object value, String expected) {
    return new IllegalStateException(
        "Annotation @"
            + annotation
            + " of "
            + where
            + " has the value "
            + value
            + "; expected "
            + expected);
  }

  /** An enum-symbol value ({@code {"#": "x"}}) as its string; other values unchanged. */
  public static Object symbol(Object value) {
    if (value instanceof java.util.Map<?, ?> map && map.size() == 1 && map.containsKey("#")) {
      return String.valueOf(map.get("#"));
    }
    return value;
  }

  /**
   * Whether a definition opts into websocket handling by itself: {@code @websocket}/{@code @ws}, or
   * any {@code @websocket.*}/{@code @ws.*} annotation (the Node plugin's mixin rule).
   */
  public static boolean isMixin(CdsAnnotatable target) {
    for (String enabled : ENABLED) {
      if (Boolean.TRUE.equals(target.getAnnotationValue(enabled, null))) {
        return true;
      }
    }
    return target
        .annotations()
        .map(a -> a.getName().startsWith("@") ? a.getName().substring(1) : a.getName())
        .anyMatch(n -> PREFIXES.stream().anyMatch(n::startsWith));
  }

  /** Whether {@code @websocket.<name>} or {@code @ws.<name>} is {@code true}. */
  public static boolean isTrue(CdsAnnotatable target, String name) {
    for (String prefix : PREFIXES) {
      if (Boolean.TRUE.equals(target.getAnnotationValue(prefix + name, null))) {
        return true;
      }
    }
    return false;
  }

  /**
   * All values of a filter annotation over its four prefixes, in lookup order. Collection values
   * are flattened; {@code null}s are dropped.
   */
  public static List<Object> filterValues(CdsAnnotatable target, String name) {
    List<Object> values = new ArrayList<>();
    for (String prefix : FILTER_PREFIXES) {
      Object value = target.getAnnotationValue(prefix + name, null);
      if (value instanceof Collection<?> many) {
        many.stream().filter(v -> v != null).map(Annotations::symbol).forEach(values::add);
      } else if (value != null) {
        values.add(symbol(value));
      }
    }
    return values;
  }

  /** Whether a filter annotation is set on any of its four prefixes. */
  public static boolean hasFilter(CdsAnnotatable target, String name) {
    for (String prefix : FILTER_PREFIXES) {
      if (target.findAnnotation(prefix + name).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
