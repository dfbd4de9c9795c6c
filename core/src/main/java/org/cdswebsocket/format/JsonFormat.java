package org.cdswebsocket.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * The default format {@code json}: {@code {"event": "<name>", "data": {...}, "headers": {...}}}.
 *
 * <p>Inbound, {@code event} must be a non-empty string and {@code data}, when present, an object;
 * {@code headers} is optional. Unlike the Node plugin, a frame without {@code data} is dispatched
 * to its event with empty data (Node re-routes it to an event named {@code message}). Outbound,
 * {@code headers} is written only when not empty, as in Node.
 *
 * <p>On socket.io the transport carries the event name, so this format is the identity, as in Node:
 * the event's argument must be an object (or absent) and is the data; outbound the data is the
 * argument and headers are not sent. Any message that arrives with an event name (a {@link
 * ParseRequest#event()}) is read that way.
 */
public final class JsonFormat implements MessageFormat {

  /** The format name. */
  public static final String NAME = "json";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public InboundMessage parse(ParseRequest request) {
    if (request.event() != null) {
      Object data = request.payload();
      if (data != null && !(data instanceof Map)) {
        throw new FormatException("The data of event '" + request.event() + "' must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) data;
      return new InboundMessage(request.event(), map, request.headers());
    }
    if (!(request.payload() instanceof String frame)) {
      throw new FormatException("A json message must be a text frame");
    }
    return parse(frame);
  }

  /** Parses one text frame of kind ws. */
  public InboundMessage parse(String frame) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(frame);
    } catch (JsonProcessingException e) {
      throw new FormatException("Malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (!(root instanceof ObjectNode object)) {
      throw new FormatException("A json frame must be an object with an 'event' member");
    }
    JsonNode event = object.get("event");
    if (event == null || !event.isTextual() || event.asText().isEmpty()) {
      throw new FormatException("A json frame needs a non-empty string member 'event'");
    }
    return new InboundMessage(
        event.asText(), objectMember(object, "data"), objectMember(object, "headers"));
  }

  private static Map<String, Object> objectMember(ObjectNode object, String member) {
    JsonNode node = object.get(member);
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new FormatException("Member '" + member + "' must be an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = Json.mapper().convertValue(node, LinkedHashMap.class);
    return map;
  }

  @Override
  public Object compose(ComposeRequest request) {
    if (request.kind() == WebSocketKind.SOCKET_IO) {
      return request.data();
    }
    return compose(request.event(), request.data(), request.headers());
  }

  /** Composes one text frame of kind ws. */
  public String compose(String event, Object data, Map<String, Object> headers) {
    Map<String, Object> frame = new LinkedHashMap<>(4);
    frame.put("event", event);
    frame.put("data", data);
    if (headers != null && !headers.isEmpty()) {
      frame.put("headers", headers);
    }
    return Json.write(frame);
  }
}
