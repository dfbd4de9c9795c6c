package org.cdswebsocket.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sap.cds.reflect.CdsAnnotatable;
import com.sap.cds.reflect.CdsOperation;
import com.sap.cds.reflect.CdsParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * The format {@code generic}, and the base of formats that map CDS events and operations to JSON
 * objects by annotation: {@link CloudEventFormat} and custom formats.
 *
 * <p>A subclass has a name (which names its annotations {@code @ws.<name>.<attribute>} and its
 * header section {@code ws.<name>}) and an identifier: the message attribute that names the
 * operation to call (default {@code name}).
 *
 * <p>Inbound, the message is a JSON object (kind ws: a text frame; socket.io: the event's object
 * argument). The operation is the one whose {@code @ws.<name>.name} equals the identifier's value,
 * else the one of that (local or qualified) name. When the operation or its parameters carry
 * {@code @ws.<name>.<attribute>} annotations, static operation-level values are put into the
 * message first, and a parameter annotated {@code @ws.<name>.<attribute>} takes that attribute's
 * value; every other parameter takes the member of its own name. Only declared parameters are
 * passed; parameters annotated {@code @ws.ignore} never are.
 *
 * <p>Outbound, the message is a JSON object of attributes only: every member of the emit headers'
 * {@code ws}/{@code websocket} section (a header {@code <name>-<attribute>}, {@code
 * <name>_<attribute>}, {@code <name>.<attribute>} or {@code <name><attribute>} wins over the plain
 * {@code <attribute>}), every member of its {@code <name>} sub-object, then every annotated
 * attribute: a static event-level value {@code @ws.<name>.<attribute>: <value>}, else the value of
 * the element annotated {@code @ws.<name>.<attribute>} (moved out of the data). Kind ws sends it as
 * JSON text, socket.io as an object.
 *
 * <p>Stateless and thread-safe.
 */
public class GenericFormat implements MessageFormat {

  /** The name of the plain generic format. */
  public static final String NAME = "generic";

  private final String name;
  private final String identifier;

  /** The format {@code generic}, identifier {@code name}. */
  public GenericFormat() {
    this(NAME, "name");
  }

  /**
   * A format based on the generic mapping.
   *
   * @param name the format name, also the annotation and header section name
   * @param identifier the message attribute that names the operation
   */
  protected GenericFormat(String name, String identifier) {
    this.name = Objects.requireNonNull(name, "name");
    this.identifier = Objects.requireNonNull(identifier, "identifier");
  }

  @Override
  public String name() {
    return name;
  }

  /** The message attribute that names the operation. */
  public String identifier() {
    return identifier;
  }

  @Override
  public InboundMessage parse(ParseRequest request) {
    Map<String, Object> message = readObject(request.payload());
    CdsOperation operation = operation(request.operations(), message);
    Map<String, Object> source = prepareInbound(operation, message);
    Set<String> attributes = FormatAnnotations.attributes(operation, name);
    attributes.remove("name");
    Map<String, Object> mapped = attributes.isEmpty() ? source : map(operation, source, attributes);
    Map<String, Object> parameters = new LinkedHashMap<>();
    operation
        .parameters()
        .filter(p -> !FormatAnnotations.ignored(p))
        .forEach(
            p -> {
              Object value = mapped.get(p.getName());
              if (value != null) {
                parameters.put(p.getName(), value);
              }
            });
    return new InboundMessage(operation.getName(), parameters, request.headers());
  }

  /**
   * Hook for subclasses: adjusts the inbound message before parameters are mapped (the cloud event
   * format flattens {@code data}). The default returns it unchanged.
   */
  protected Map<String, Object> prepareInbound(
      CdsOperation operation, Map<String, Object> message) {
    return message;
  }

  @Override
  public Object compose(ComposeRequest request) {
    Map<String, Object> data = copyOf(request.data());
    Map<String, Object> message = new LinkedHashMap<>();
    message.putAll(attributes(request, data));
    return serialize(message, request.kind());
  }

  /**
   * The attributes derived from the emit headers and the annotations of the event, as described in
   * the class documentation. Values of annotated elements are removed from {@code data}.
   */
  protected final Map<String, Object> attributes(ComposeRequest request, Map<String, Object> data) {
    Map<String, Object> result = new LinkedHashMap<>();
    Map<String, Object> headers = request.headers();
    headers.forEach(
        (header, value) -> {
          if (header.equals(name) && value instanceof Map) {
            return;
          }
          Object derived = header(headers, header);
          if (derived != null) {
            result.put(header, derived);
          }
        });
    if (headers.get(name) instanceof Map<?, ?> section) {
      Map<String, Object> sub = new LinkedHashMap<>();
      section.forEach((k, v) -> sub.put(String.valueOf(k), v));
      sub.keySet()
          .forEach(
              header -> {
                Object derived = header(sub, header);
                if (derived != null) {
                  result.put(header, derived);
                }
              });
    }
    CdsAnnotatable definition = request.definition();
    for (String attribute : FormatAnnotations.attributes(definition, name)) {
      Object value = annotated(definition, attribute, data);
      if (value != null) {
        result.put(attribute, value);
      }
    }
    return result;
  }

  /** Kind ws: JSON text; socket.io: the object as plain JSON values. */
  protected static Object serialize(Map<String, Object> message, WebSocketKind kind) {
    return kind == WebSocketKind.WS ? Json.write(message) : Json.plain(message);
  }

  /** A mutable copy of map data, so that mapping never changes the emitter's object. */
  protected static Map<String, Object> copyOf(Object data) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (data instanceof Map<?, ?> map) {
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    }
    return copy;
  }

  /** Reads a JSON object from a text frame or a decoded socket.io argument. */
  protected Map<String, Object> readObject(Object payload) {
    if (payload instanceof Map<?, ?> map) {
      return copyOf(map);
    }
    if (!(payload instanceof String text)) {
      throw new FormatException("A " + name + " message must be a JSON object");
    }
    Object parsed;
    try {
      parsed = Json.mapper().readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new FormatException("Malformed " + name + " message: " + e.getOriginalMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new FormatException("A " + name + " message must be a JSON object");
    }
    return copyOf(map);
  }

  private CdsOperation operation(List<CdsOperation> operations, Map<String, Object> message) {
    Object wanted = message.get(identifier);
    if (!(wanted instanceof String value) || value.isEmpty()) {
      throw new FormatException(
          "A " + name + " message needs a string attribute '" + identifier + "'");
    }
    return operations.stream()
        .filter(
            op ->
                value.equals(FormatAnnotations.value(op, name + ".name").orElse(null))
                    || value.equals(op.getName())
                    || value.equals(op.getQualifiedName()))
        .findFirst()
        .orElseThrow(
            () ->
                new FormatException(
                    "No operation for " + name + " " + identifier + " '" + value + "'"));
  }

  private Map<String, Object> map(
      CdsOperation operation, Map<String, Object> source, Set<String> attributes) {
    for (String attribute : attributes) {
      FormatAnnotations.value(operation, name + "." + attribute)
          .ifPresent(v -> source.put(attribute, v));
    }
    Map<String, Object> mapped = new LinkedHashMap<>();
    operation
        .parameters()
        .filter(p -> !FormatAnnotations.ignored(p))
        .forEach(p -> mapped.put(p.getName(), parameterValue(p, source, attributes)));
    return mapped;
  }

  private Object parameterValue(
      CdsParameter parameter, Map<String, Object> source, Set<String> attributes) {
    for (String attribute : attributes) {
      if (FormatAnnotations.isSet(parameter, name + "." + attribute)
          && source.get(attribute) != null) {
        return source.get(attribute);
      }
    }
    return source.get(parameter.getName());
  }

  private Object header(Map<String, Object> headers, String header) {
    for (String candidate :
        List.of(
            name + "-" + header, name + "_" + header, name + "." + header, name + header, header)) {
      Object value = headers.get(candidate);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private Object annotated(CdsAnnotatable definition, String attribute, Map<String, Object> data) {
    String annotation = name + "." + attribute;
    Object staticValue = FormatAnnotations.value(definition, annotation).orElse(null);
    if (staticValue != null) {
      return staticValue;
    }
    return FormatAnnotations.members(definition)
        .filter(m -> !FormatAnnotations.ignored(m))
        .filter(m -> FormatAnnotations.isSet(m, annotation))
        .map(FormatAnnotations::memberName)
        .filter(data::containsKey)
        .findFirst()
        .map(data::remove)
        .orElse(null);
  }
}
