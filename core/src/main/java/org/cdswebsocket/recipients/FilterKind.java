package org.cdswebsocket.recipients;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cdswebsocket.model.Annotations;

/**
 * The optional filter layers of client determination, with the emit-header names of each (Node
 * plugin: {@code wsUsers}, {@code wsUser}, {@code users}, {@code user} as shorthands for include,
 * then {@code wsUser.include}, {@code wsUserInclude}, {@code user.include}, {@code userInclude} and
 * the same four for exclude).
 */
enum FilterKind {
  USER(Annotations.FILTER_USER),
  ROLE(Annotations.FILTER_ROLE),
  CONTEXT(Annotations.FILTER_CONTEXT),
  IDENTIFIER(Annotations.FILTER_IDENTIFIER);

  /** Header base name of the current-user filter. */
  static final String CURRENT_USER = Annotations.FILTER_CURRENT_USER;

  private final String annotation;

  FilterKind(String annotation) {
    this.annotation = annotation;
  }

  /** The annotation (and header) base name, e.g. {@code user}. */
  String annotation() {
    return annotation;
  }

  /** Header names whose value is an include list unless it is a map (shorthands). */
  List<String> shorthandHeaders() {
    List<String> names = new ArrayList<>(shorthands(annotation));
    names.add("ws" + capitalise(annotation) + "s");
    names.add(annotation + "s");
    return names;
  }

  /** Header names (dotted = nested) of the include list. */
  List<String> includeHeaders() {
    return suffixed(annotation, "include");
  }

  /** Header names (dotted = nested) of the exclude list. */
  List<String> excludeHeaders() {
    return suffixed(annotation, "exclude");
  }

  /** Adds values to include. */
  Recipients include(Recipients recipients, Set<String> values) {
    return switch (this) {
      case USER -> recipients.includeUsers(values);
      case ROLE -> recipients.includeRoles(values);
      case CONTEXT -> recipients.includeContexts(values);
      case IDENTIFIER -> recipients.includeIdentifiers(values);
    };
  }

  /** Adds values to exclude. */
  Recipients exclude(Recipients recipients, Set<String> values) {
    return switch (this) {
      case USER -> recipients.excludeUsers(values);
      case ROLE -> recipients.excludeRoles(values);
      case CONTEXT -> recipients.excludeContexts(values);
      case IDENTIFIER -> recipients.excludeIdentifiers(values);
    };
  }

  /** {@code wsX} and {@code x}. */
  static List<String> shorthands(String base) {
    return List.of("ws" + capitalise(base), base);
  }

  /** {@code wsX.s}, {@code wsXS}, {@code x.s}, {@code xS} for suffix {@code s}. */
  static List<String> suffixed(String base, String suffix) {
    String ws = "ws" + capitalise(base);
    return List.of(
        ws + "." + suffix, ws + capitalise(suffix), base + "." + suffix, base + capitalise(suffix));
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
