package org.cdswebsocket.format;

import com.sap.cds.reflect.CdsAnnotatable;
import com.sap.cds.reflect.CdsAnnotation;
import com.sap.cds.reflect.CdsElement;
import com.sap.cds.reflect.CdsEvent;
import com.sap.cds.reflect.CdsOperation;
import com.sap.cds.reflect.CdsParameter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads format annotations ({@code @websocket.<format>.<attribute>} and {@code
 * @ws.<format>.<attribute>}) on events, operations, elements and parameters, for formats that map
 * attributes by annotation ({@link GenericFormat} and its subclasses, custom formats).
 *
 * <p>Enum-symbol values ({@code @ws.pcp.action: #MESSAGE}, which CAP Java reads as {@code {"#":
 * "MESSAGE"}}) are returned as their symbol string. Stateless and thread-safe.
 */
public final class FormatAnnotations {

  private static final List<String> PREFIXES = List.of("websocket.", "ws.");

  private FormatAnnotations() {}

  /** An annotation value with an enum symbol ({@code {"#": "x"}}) replaced by {@code "x"}. */
  public static Object plain(Object value) {
    if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("#")) {
      return String.valueOf(map.get("#"));
    }
    return value;
  }

  /** The first value of {@code @websocket.<name>} or {@code @ws.<name>} (symbols unwrapped). */
  public static Optional<Object> value(CdsAnnotatable target, String name) {
    if (target == null) {
      return Optional.empty();
    }
    for (String prefix : PREFIXES) {
      Object value = target.getAnnotationValue(prefix + name, null);
      if (value != null) {
        return Optional.of(plain(value));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code @websocket.<name>} or {@code @ws.<name>} is set and not {@code false}. */
  public static boolean isSet(CdsAnnotatable target, String name) {
    return value(target, name).filter(v -> !Boolean.FALSE.equals(v)).isPresent();
  }

  /** Whether an element or parameter is annotated {@code @ws.ignore}. */
  public static boolean ignored(CdsAnnotatable target) {
    return Boolean.TRUE.equals(value(target, "ignore").orElse(null));
  }

  /**
   * The attribute names annotated as {@code @ws.<format>.<attribute>} on the definition itself and
   * on its elements (events) or parameters (operations), in model order.
   */
  public static Set<String> attributes(CdsAnnotatable definition, String format) {
    Set<String> names = new LinkedHashSet<>();
    if (definition == null) {
      return names;
    }
    collect(definition, format, names);
    members(definition).forEach(member -> collect(member, format, names));
    return names;
  }

  /** The elements of an event or the parameters of an operation. */
  public static Stream<? extends CdsAnnotatable> members(CdsAnnotatable definition) {
    if (definition instanceof CdsEvent event) {
      return event.elements();
    }
    if (definition instanceof CdsOperation operation) {
      return operation.parameters();
    }
    return Stream.empty();
  }

  /** The name of an element or parameter. */
  public static String memberName(CdsAnnotatable member) {
    if (member instanceof CdsElement element) {
      return element.getName();
    }
    if (member instanceof CdsParameter parameter) {
      return parameter.getName();
    }
    throw new IllegalArgumentException("Not an element or parameter: " + member);
  }

  private static void collect(CdsAnnotatable target, String format, Set<String> names) {
    target
        .annotations()
        .map(CdsAnnotation::getName)
        .map(FormatAnnotations::stripAt)
        .forEach(
            name -> {
              for (String prefix : PREFIXES) {
                String full = prefix + format + ".";
                if (name.startsWith(full) && name.length() > full.length()) {
                  names.add(name.substring(full.length()));
                }
              }
            });
  }

  private static String stripAt(String name) {
    return name.startsWith("@") ? name.substring(1) : name;
  }
}
