package org.cdswebsocket.format;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The formats of one application, by the name the model or configuration uses.
 *
 * <p>A name resolves, in this order, to a built-in format ({@code json}, {@code pcp}, {@code
 * cloudevent}, {@code cloudevents}, {@code generic}); an application-provided format looked up by
 * bean name or by its {@link MessageFormat#name()} (Spring beans, see {@link MessageFormatBeans});
 * a {@link MessageFormat} registered for {@link ServiceLoader} whose {@link MessageFormat#name()}
 * is the name; or the fully qualified name of a class implementing {@link MessageFormat} with a
 * public no-argument constructor (the Java counterpart of the Node plugin's path to a format
 * module). A name that resolves to nothing is an {@link IllegalStateException} naming it.
 *
 * <p>Lifecycle: built at start-up, where {@link #resolve} is called for every name in the model;
 * afterwards {@link #get} only reads. Thread-safe.
 */
public final class MessageFormats {

  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
  private final Function<String, Optional<MessageFormat>> applicationFormats;
  private final ClassLoader classLoader;

  /** The built-in formats only (plus ServiceLoader and class names). */
  public MessageFormats() {
    this(name -> Optional.empty(), MessageFormats.class.getClassLoader());
  }

  /**
   * @param applicationFormats looks up an application-provided format by name (e.g. Spring beans)
   * @param classLoader loads ServiceLoader providers and format classes
   */
  public MessageFormats(
      Function<String, Optional<MessageFormat>> applicationFormats, ClassLoader classLoader) {
    this.applicationFormats = applicationFormats;
    this.classLoader = classLoader;
    for (MessageFormat builtIn :
        List.of(
            new JsonFormat(),
            new PcpFormat(),
            new CloudEventFormat(CloudEventFormat.NAME),
            new CloudEventFormat(CloudEventFormat.PLURAL),
            new GenericFormat())) {
      formats.put(builtIn.name(), builtIn);
    }
  }

  /**
   * The format of this name, resolving it on first use.
   *
   * @throws IllegalStateException if nothing provides a format of this name
   */
  public MessageFormat resolve(String name) {
    MessageFormat known = formats.get(name);
    if (known != null) {
      return known;
    }
    MessageFormat found =
        applicationFormats
            .apply(name)
            .or(() -> fromServiceLoader(name))
            .or(() -> fromClass(name))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Websocket format '"
                            + name
                            + "' is unknown: it is no built-in format ("
                            + String.join(", ", builtInNames())
                            + "), no format bean, no ServiceLoader-registered MessageFormat and no"
                            + " class on the class path"));
    formats.putIfAbsent(name, found);
    return formats.get(name);
  }

  /**
   * A format resolved before.
   *
   * @throws IllegalArgumentException if the name was never resolved
   */
  public MessageFormat get(String name) {
    MessageFormat format = formats.get(name);
    if (format == null) {
      throw new IllegalArgumentException("Unknown websocket format " + name);
    }
    return format;
  }

  /** The names of the built-in formats. */
  public static List<String> builtInNames() {
    return List.of(
        JsonFormat.NAME,
        PcpFormat.NAME,
        CloudEventFormat.NAME,
        CloudEventFormat.PLURAL,
        GenericFormat.NAME);
  }

  private Optional<MessageFormat> fromServiceLoader(String name) {
    List<MessageFormat> matches =
        ServiceLoader.load(MessageFormat.class, classLoader).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> name.equals(f.name()))
            .toList();
    if (matches.size() > 1) {
      throw new IllegalStateException(
          "Websocket format '"
              + name
              + "' is registered more than once: "
              + matches.stream()
                  .map(f -> f.getClass().getName())
                  .collect(Collectors.joining(", ")));
    }
    return matches.stream().findFirst();
  }

  private Optional<MessageFormat> fromClass(String name) {
    Class<?> type;
    try {
      type = Class.forName(name, true, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    if (!MessageFormat.class.isAssignableFrom(type)) {
      throw new IllegalStateException(
          "Websocket format class "
              + name
              + " does not implement "
              + MessageFormat.class.getName());
    }
    try {
      return Optional.of((MessageFormat) type.getConstructor().newInstance());
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException(
          "Websocket format class "
              + name
              + " cannot be created with its public no-argument"
              + " constructor: "
              + e,
          e);
    }
  }
}
