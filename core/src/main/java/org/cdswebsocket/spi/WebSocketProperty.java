package org.cdswebsocket.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code cds.websocket.*} property: its name (and the alternative spellings accepted, such as
 * the Node plugin's camelCase), its type, default and description. {@link WebSocketProperties}
 * lists every property the library reads; {@link WebSocketSettings} reads them through {@link
 * #read(SettingsSource)}, so a value is converted and validated in exactly one place.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the Java type of the value: {@code Boolean}, {@code Integer}, {@code Long}, {@code
 *     String} or {@code List<String>}
 * @param name the full property name
 * @param aliases alternative names, tried in order after {@code name}
 * @param type the value type
 * @param defaultValue the value when unset ({@code null}: no default, the library decides)
 * @param description what the property does, for documentation and IDE metadata
 * @param values the values an IDE offers for completion (the known ones; empty: free text)
 */
public record WebSocketProperty<T>(
    String name,
    List<String> aliases,
    Class<?> type,
    T defaultValue,
    String description,
    List<String> values) {

  public WebSocketProperty {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    values = List.copyOf(values);
  }

  /** A property without completion values. */
  public WebSocketProperty(
      String name, List<String> aliases, Class<?> type, T defaultValue, String description) {
    this(name, aliases, type, defaultValue, description, List.of());
  }

  /**
   * Reads and converts the value.
   *
   * @throws IllegalArgumentException when the text cannot be converted to the property's type; the
   *     message names the property
   */
  @SuppressWarnings("unchecked")
  public T read(SettingsSource source) {
    for (String key : names()) {
      Object value = type == List.class ? readList(source, key) : convert(source.get(key), key);
      if (value != null) {
        return (T) value;
      }
    }
    return defaultValue;
  }

  /** {@code name} followed by the aliases. */
  public List<String> names() {
    List<String> names = new ArrayList<>(aliases.size() + 1);
    names.add(name);
    names.addAll(aliases);
    return names;
  }

  private Object convert(String text, String key) {
    if (text == null) {
      return null;
    }
    String value = text.trim();
    try {
      if (type == String.class) {
        return value;
      }
      if (type == Integer.class) {
        return Integer.valueOf(value);
      }
      if (type == Long.class) {
        return Long.valueOf(value);
      }
      if (type == Boolean.class) {
        return switch (value.toLowerCase(Locale.ROOT)) {
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          default -> throw new IllegalArgumentException("not true or false");
        };
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + " must be of type " + type.getSimpleName() + ", is '" + text + "'", e);
    }
    throw new IllegalStateException("Unsupported property type " + type);
  }

  private static List<String> readList(SettingsSource source, String key) {
    String joined = source.get(key);
    if (joined != null) {
      return Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    List<String> values = new ArrayList<>();
    for (String v = source.get(key + "[0]");
        v != null;
        v = source.get(key + "[" + values.size() + "]")) {
      values.add(v.trim());
    }
    return values.isEmpty() ? null : List.copyOf(values);
  }

  static WebSocketProperty<Boolean> bool(String name, Boolean defaultValue, String description) {
    return new WebSocketProperty<>(name, List.of(), Boolean.class, defaultValue, description);
  }

  static WebSocketProperty<Integer> integer(String name, Integer defaultValue, String description) {
    return new WebSocketProperty<>(name, List.of(), Integer.class, defaultValue, description);
  }

  static WebSocketProperty<String> text(String name, String defaultValue, String description) {
    return new WebSocketProperty<>(name, List.of(), String.class, defaultValue, description);
  }

  static WebSocketProperty<List<String>> list(String name, String description) {
    return new WebSocketProperty<>(name, List.of(), List.class, List.of(), description);
  }

  /** The same property, also read under {@code alias}. */
  WebSocketProperty<T> alias(String alias) {
    List<String> all = new ArrayList<>(aliases);
    all.add(alias);
    return new WebSocketProperty<>(name, all, type, defaultValue, description, values);
  }

  /** The same property, with these values offered for completion. */
  WebSocketProperty<T> values(String... known) {
    return new WebSocketProperty<>(name, aliases, type, defaultValue, description, List.of(known));
  }
}
