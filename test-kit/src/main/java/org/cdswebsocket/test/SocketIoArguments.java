package org.cdswebsocket.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Converts between test values and the org.json values the {@code io.socket} client speaks: maps
 * and collections go out as JSON objects and arrays, everything else as it is (strings, numbers,
 * {@code byte[]} as a binary attachment); what comes back is read as Jackson JSON. Stateless.
 */
final class SocketIoArguments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SocketIoArguments() {}

  /** The wire form of emitted arguments. */
  static Object[] toWire(Object... args) {
    return Arrays.stream(args).map(SocketIoArguments::toWire).toArray();
  }

  /** The wire form of one argument. */
  static Object toWire(Object value) {
    try {
      if (value instanceof Map<?, ?>) {
        return new JSONObject(JSON.writeValueAsString(value));
      }
      if (value instanceof Collection<?>) {
        return new JSONArray(JSON.writeValueAsString(value));
      }
      if (value instanceof JsonNode node) {
        return node.isObject()
            ? new JSONObject(node.toString())
            : node.isArray()
                ? new JSONArray(node.toString())
                : toWire(JSON.treeToValue(node, Object.class));
      }
      return value == null ? JSONObject.NULL : value;
    } catch (Exception e) {
      throw new IllegalArgumentException("Not serialisable: " + value, e);
    }
  }

  /** Received arguments as JSON. */
  static List<JsonNode> fromWire(Object[] args) {
    return Arrays.stream(args).map(SocketIoArguments::fromWire).toList();
  }

  /** One received argument (an org.json value, string, number, boolean or bytes) as JSON. */
  static JsonNode fromWire(Object value) {
    if (value == null || JSONObject.NULL.equals(value)) {
      return NullNode.getInstance();
    }
    try {
      if (value instanceof JSONObject || value instanceof JSONArray) {
        return JSON.readTree(value.toString());
      }
      return JSON.valueToTree(value);
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable argument: " + value, e);
    }
  }

  /** The first received argument, {@link MissingNode} when there was none. */
  static JsonNode first(Object[] args) {
    return args.length > 0 ? fromWire(args[0]) : MissingNode.getInstance();
  }

  private static final Pattern STATUS =
      Pattern.compile("^(\\d{3})$|HTTP 101 response but was '(\\d{3})");

  /**
   * The HTTP status of a transport failure (a refused handshake on the app's own port), or null:
   * polling reports it as the cause's message, websocket in the upgrade's protocol error.
   */
  private static String httpStatus(Throwable cause) {
    if (cause == null || cause.getMessage() == null) {
      return null;
    }
    Matcher m = STATUS.matcher(cause.getMessage());
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /**
   * The message of a {@code connect_error} or {@code disconnect}: the server's message, or for a
   * handshake refused over HTTP (same-port mode) its status, e.g. {@code "401"}.
   */
  static String message(Object[] args) {
    if (args.length > 0 && args[0] instanceof JSONObject error) {
      return error.optString("message", error.toString());
    }
    if (args.length > 0 && args[0] instanceof Exception e) {
      String status = httpStatus(e.getCause());
      return status != null ? status : String.valueOf(e.getMessage());
    }
    return args.length > 0 ? String.valueOf(args[0]) : "";
  }
}
