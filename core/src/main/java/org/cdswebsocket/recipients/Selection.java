package org.cdswebsocket.recipients;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The include and exclude values collected for one broadcast from annotations, event data and
 * headers; aggregated (union), never overridden. Mutable, confined to one resolution.
 */
final class Selection {

  private final Map<FilterKind, Set<String>> include = new EnumMap<>(FilterKind.class);
  private final Map<FilterKind, Set<String>> exclude = new EnumMap<>(FilterKind.class);
  private final String currentUser;

  /**
   * @param currentUser the emitting user's name, used by the current-user filters
   */
  Selection(String currentUser) {
    this.currentUser = currentUser;
  }

  void include(FilterKind kind, Object values) {
    FilterValues.addTo(include.computeIfAbsent(kind, k -> new LinkedHashSet<>()), values);
  }

  void exclude(FilterKind kind, Object values) {
    FilterValues.addTo(exclude.computeIfAbsent(kind, k -> new LinkedHashSet<>()), values);
  }

  /** Whether any include value was collected (an empty include list is no restriction). */
  boolean hasIncludes() {
    return include.values().stream().anyMatch(values -> !values.isEmpty());
  }

  void includeCurrentUser() {
    include(FilterKind.USER, currentUser);
  }

  void excludeCurrentUser() {
    exclude(FilterKind.USER, currentUser);
  }

  /** Applies everything collected to {@code base}. */
  Recipients applyTo(Recipients base) {
    Recipients r = base;
    for (Map.Entry<FilterKind, Set<String>> e : include.entrySet()) {
      r = e.getKey().include(r, e.getValue());
    }
    for (Map.Entry<FilterKind, Set<String>> e : exclude.entrySet()) {
      r = e.getKey().exclude(r, e.getValue());
    }
    return r;
  }
}
