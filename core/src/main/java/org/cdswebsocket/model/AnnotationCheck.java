package org.cdswebsocket.model;

import com.sap.cds.reflect.CdsAnnotatable;
import com.sap.cds.reflect.CdsEvent;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Start-up checks of annotation values that are read later, per emit: filter annotations ({@code
 * @ws.user}, {@code @ws.context}, ... in all prefix variants) and the operators ({@code
 * @ws.operator.include|exclude}). A value the filters could not read fails start-up naming the
 * annotation instead of silently meaning "no filter" or "or". Enum symbols ({@code #and}) count as
 * their strings. Stateless.
 */
final class AnnotationCheck {

  private static final List<String> PREFIXES =
      List.of("websocket.", "ws.", "websocket.broadcast.", "ws.broadcast.");
  private static final List<String> FILTERS =
      List.of(
          Annotations.FILTER_USER,
          Annotations.FILTER_CURRENT_USER,
          Annotations.FILTER_ROLE,
          Annotations.FILTER_CONTEXT,
          Annotations.FILTER_IDENTIFIER);
  private static final List<String> SUFFIXES =
      List.of("", Annotations.INCLUDE, Annotations.EXCLUDE);

  private AnnotationCheck() {}

  /** Checks an event, its elements, and the operators of the event. */
  static void event(CdsEvent event) {
    String where = event.getQualifiedName();
    filters(event, where);
    operators(event, where);
    event.elements().forEach(e -> filters(e, where + "." + e.getName()));
  }

  /** Checks the operators of a service. */
  static void operators(CdsAnnotatable target, String where) {
    for (String name : List.of(Annotations.OPERATOR_INCLUDE, Annotations.OPERATOR_EXCLUDE)) {
      for (String prefix : List.of("websocket.", "ws.")) {
        Object value = target.getAnnotationValue(prefix + name, null);
        if (value == null) {
          continue;
        }
        Object plain = Annotations.symbol(value);
        boolean known =
            plain instanceof String s
                && List.of("or", "and").contains(s.trim().toLowerCase(Locale.ROOT));
        if (!known) {
          throw Annotations.unreadable(prefix + name, where, value, "'or' or 'and'");
        }
      }
    }
  }

  private static void filters(CdsAnnotatable target, String where) {
    for (String prefix : PREFIXES) {
      for (String filter : FILTERS) {
        for (String suffix : SUFFIXES) {
          String name = prefix + filter + suffix;
          Object value = target.getAnnotationValue(name, null);
          if (value != null && !readable(value)) {
            throw Annotations.unreadable(
                name, where, value, "a string, a boolean or a list of strings");
          }
        }
      }
    }
  }

  private static boolean readable(Object value) {
    Object plain = Annotations.symbol(value);
    if (plain instanceof Collection<?> many) {
      return many.stream().allMatch(v -> v == null || scalar(Annotations.symbol(v)));
    }
    return scalar(plain);
  }

  private static boolean scalar(Object value) {
    return value instanceof String || value instanceof Boolean || value instanceof Number;
  }
}
