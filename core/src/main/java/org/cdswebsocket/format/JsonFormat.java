package org.cdswebsocket.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.spi.Json;

/**
 * The default format {@code json}: {@code {"event": "<name>", "data": {...}, "headers": {...}}}.
 *
 * <p>Inbound, {@code event} must be a non-empty string and {@code data}, when present, an object;
 * {@code headers} is optional. Unlike the Node plugin, a frame without {@code data} is dispatched
 * to its event with empty data (Node re-routes it to an event named {@code message}). Outbound,
 * {@code headers} is written only when not empty, as in Node.
 */
public final class JsonFormat implements MessageFormat {

  /** The format name. */
  public static final String NAME = "json";

  @Override
  public String name() {
    return NAME;
  }

  @Override
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
