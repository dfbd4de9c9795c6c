package org.cdswebsocket.recipients;

import com.sap.cds.reflect.CdsAnnotatable;
import com.sap.cds.reflect.CdsElement;
import com.sap.cds.reflect.CdsEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdswebsocket.model.Annotations;

/**
 * The filter annotations of one event, read once from the model: static values and current-user
 * switches on the event, and per element which filters its value feeds. Immutable.
 *
 * <p>Event level: string or list values are static filter values; booleans only count for the
 * current-user annotations ({@code @ws.currentUser}) and {@code @ws.user: 'includeCurrent' |
 * 'excludeCurrent'} selects the emitting user. Element level: a truthy annotation ({@code true} or
 * any non-empty string) makes the element's value (scalar or {@code many}) a filter value;
 * current-user annotations (and {@code @ws.user: 'includeCurrent'}) apply when the element's value
 * is truthy. Elements annotated {@code @ws.ignore} are skipped.
 */
final class EventFilter {

  private static final String CURRENT = Annotations.FILTER_CURRENT_USER;

  /**
   * What one element contributes.
   *
   * @param name element name
   * @param include kinds whose include list receives the element's value
   * @param exclude kinds whose exclude list receives the element's value
   * @param includeCurrent whether a truthy value includes the emitting user
   * @param excludeCurrent whether a truthy value excludes the emitting user
   */
  record ElementRule(
      String name,
      Set<FilterKind> include,
      Set<FilterKind> exclude,
      boolean includeCurrent,
      boolean excludeCurrent) {

    boolean isEmpty() {
      return include.isEmpty() && exclude.isEmpty() && !includeCurrent && !excludeCurrent;
    }
  }

  private final Map<FilterKind, Set<String>> include = new EnumMap<>(FilterKind.class);
  private final Map<FilterKind, Set<String>> exclude = new EnumMap<>(FilterKind.class);
  private final boolean includeCurrent;
  private final boolean excludeCurrent;
  private final List<ElementRule> elements;
  private final Operator includeOperator;
  private final Operator excludeOperator;

  private EventFilter(CdsEvent event, Operator includeOperator, Operator excludeOperator) {
    Declared declared = Declared.of(event);
    for (FilterKind kind : FilterKind.values()) {
      putStatic(include, kind, declared.include().get(kind));
      putStatic(exclude, kind, declared.exclude().get(kind));
    }
    this.includeCurrent = declared.includeCurrent();
    this.excludeCurrent = declared.excludeCurrent();
    this.elements =
        event
            .elements()
            .filter(e -> !Annotations.isTrue(e, Annotations.IGNORE))
            .map(EventFilter::rule)
            .filter(r -> !r.isEmpty())
            .toList();
    this.includeOperator = includeOperator;
    this.excludeOperator = excludeOperator;
  }

  /** Reads the event's annotations; the operators are already resolved by precedence. */
  static EventFilter of(CdsEvent event, Operator includeOperator, Operator excludeOperator) {
    return new EventFilter(event, includeOperator, excludeOperator);
  }

  Operator includeOperator() {
    return includeOperator;
  }

  Operator excludeOperator() {
    return excludeOperator;
  }

  List<ElementRule> elements() {
    return elements;
  }

  /** Adds the static and data-derived values to the selection. */
  void collect(Selection selection, Object data) {
    include.forEach(selection::include);
    exclude.forEach(selection::exclude);
    if (includeCurrent) {
      selection.includeCurrentUser();
    }
    if (excludeCurrent) {
      selection.excludeCurrentUser();
    }
    if (!(data instanceof Map<?, ?> values) || elements.isEmpty()) {
      return;
    }
    for (ElementRule rule : elements) {
      Object value = values.get(rule.name());
      rule.include().forEach(kind -> selection.include(kind, value));
      rule.exclude().forEach(kind -> selection.exclude(kind, value));
      if (rule.includeCurrent() && FilterValues.isTruthy(value)) {
        selection.includeCurrentUser();
      }
      if (rule.excludeCurrent() && FilterValues.isTruthy(value)) {
        selection.excludeCurrentUser();
      }
    }
  }

  private static ElementRule rule(CdsElement element) {
    Declared declared = Declared.of(element);
    Set<FilterKind> inc = EnumSet.noneOf(FilterKind.class);
    Set<FilterKind> exc = EnumSet.noneOf(FilterKind.class);
    for (FilterKind kind : FilterKind.values()) {
      if (declared.include().get(kind).stream().anyMatch(FilterValues::isTruthy)) {
        inc.add(kind);
      }
      if (declared.exclude().get(kind).stream().anyMatch(FilterValues::isTruthy)) {
        exc.add(kind);
      }
    }
    return new ElementRule(
        element.getName(), inc, exc, declared.includeCurrent(), declared.excludeCurrent());
  }

  /**
   * The filter annotations of one event or element as written, over all name variants: the include
   * and exclude values per kind, and the current-user switches (including the shorthand
   * {@code @ws.user: 'includeCurrent' | 'excludeCurrent'}, whose values are taken out of the user
   * lists).
   */
  private record Declared(
      Map<FilterKind, List<Object>> include,
      Map<FilterKind, List<Object>> exclude,
      boolean includeCurrent,
      boolean excludeCurrent) {

    static Declared of(CdsAnnotatable target) {
      boolean incCurrent =
          anyTrue(target, CURRENT) || anyTrue(target, CURRENT + Annotations.INCLUDE);
      boolean excCurrent = anyTrue(target, CURRENT + Annotations.EXCLUDE);
      Map<FilterKind, List<Object>> inc = new EnumMap<>(FilterKind.class);
      Map<FilterKind, List<Object>> exc = new EnumMap<>(FilterKind.class);
      for (FilterKind kind : FilterKind.values()) {
        String name = kind.annotation();
        List<Object> incValues = new ArrayList<>(Annotations.filterValues(target, name));
        incValues.addAll(Annotations.filterValues(target, name + Annotations.INCLUDE));
        List<Object> excValues =
            new ArrayList<>(Annotations.filterValues(target, name + Annotations.EXCLUDE));
        if (kind == FilterKind.USER) {
          incCurrent |= incValues.removeIf(Annotations.INCLUDE_CURRENT::equals);
          excCurrent |= incValues.removeIf(Annotations.EXCLUDE_CURRENT::equals);
          excCurrent |= excValues.removeIf(Annotations.EXCLUDE_CURRENT::equals);
        }
        inc.put(kind, incValues);
        exc.put(kind, excValues);
      }
      return new Declared(inc, exc, incCurrent, excCurrent);
    }
  }

  private static void putStatic(
      Map<FilterKind, Set<String>> target, FilterKind kind, List<Object> values) {
    Set<String> strings = new LinkedHashSet<>();
    for (Object v : values) {
      if (v instanceof Boolean) {
        continue;
      }
      FilterValues.addTo(strings, v);
    }
    if (!strings.isEmpty()) {
      target.put(kind, Set.copyOf(strings));
    }
  }

  private static boolean anyTrue(CdsAnnotatable target, String name) {
    return Annotations.filterValues(target, name).stream().anyMatch(FilterValues::isTruthy);
  }
}
