package org.cdswebsocket.format;

import com.sap.cds.reflect.CdsAnnotatable;
import com.sap.cds.reflect.CdsBaseType;
import com.sap.cds.reflect.CdsElement;
import com.sap.cds.reflect.CdsEvent;
import com.sap.cds.reflect.CdsOperation;
import com.sap.cds.reflect.CdsParameter;
import com.sap.cds.reflect.CdsSimpleType;
import com.sap.cds.reflect.CdsType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.spi.Json;

/**
 * The format {@code pcp}: SAP Push Channel Protocol, as the Node plugin speaks it. A message is
 * {@code name:value} field lines, an empty line, and the body:
 *
 * <pre>
 * pcp-action:MESSAGE
 * pcp-body-type:text
 * field1:value1
 *
 * this is the body!
 * </pre>
 *
 * In names and values {@code \}, {@code :} and a newline are escaped as {@code \\}, {@code \:} and
 * {@code \n}.
 *
 * <p>Inbound, {@code pcp-action} (default {@code MESSAGE}) names the operation: the one annotated
 * {@code @ws.pcp.action} with that value, else the one of that name. The parameter annotated {@code
 * @ws.pcp.message} gets the body; other parameters take the field of their name, converted to the
 * parameter's type (Boolean, integer and decimal types; dates stay ISO strings); parameters
 * annotated {@code @ws.ignore} are skipped. Missing separator, no such operation or a value of the
 * wrong type is a {@link FormatException}.
 *
 * <p>Outbound: {@code pcp-action} (emit header {@code pcp-action}/{@code pcp_action}/{@code
 * pcp.action}/{@code pcpaction}, else the event's {@code @ws.pcp.action}, else the value of the
 * element annotated {@code @ws.pcp.action}, else {@code MESSAGE}); {@code pcp-event} (the event's
 * {@code @ws.pcp.event}: a string, or {@code true} for the event name); {@code pcp-channel} ({@code
 * @ws.pcp.channel}); {@code pcp-body-type:text}; one line per data member that is an element of the
 * event, is not annotated {@code @ws.ignore}, is not empty and does not start with {@code pcp-};
 * then the body (header {@code pcp-message} and variants, else the event's {@code @ws.pcp.message},
 * else the value of the element annotated {@code @ws.pcp.message}, else empty). An event annotated
 * {@code @ws.pcp.sideEffect} becomes a Fiori side-effect message: fields {@code sideEffectSource},
 * {@code sideEffectEventName}, {@code serverAction:RaiseSideEffect}, channel from {@code
 * @ws.pcp.channel} or {@code @Common.WebSocketChannel[#sideEffects]}, no body. Socket.io sends the
 * message as a string argument. Clients may offer the subprotocol {@code v10.pcp.sap.com}.
 *
 * <p>Stateless and thread-safe.
 */
public final class PcpFormat implements MessageFormat {

  /** The format name. */
  public static final String NAME = "pcp";

  /** The PCP subprotocol offered by UI5's {@code SapPcpWebSocket}. */
  public static final String SUBPROTOCOL = "v10.pcp.sap.com";

  /** The default action. */
  public static final String MESSAGE = "MESSAGE";

  private static final String SEPARATOR = "\n\n";
  private static final String CHANNEL = "Common.WebSocketChannel";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> subprotocols() {
    return List.of(SUBPROTOCOL);
  }

  @Override
  public InboundMessage parse(ParseRequest request) {
    if (!(request.payload() instanceof String text)) {
      throw new FormatException("A pcp message must be text");
    }
    String frame = text.replace("\r\n", "\n");
    int split = frame.indexOf(SEPARATOR);
    if (split < 0) {
      throw new FormatException(
          "A pcp message needs an empty line between its fields and its body");
    }
    Map<String, String> fields = fields(frame.substring(0, split));
    String body = frame.substring(split + SEPARATOR.length());
    String action = fields.getOrDefault("pcp-action", MESSAGE);
    CdsOperation operation =
        request.operations().stream()
            .filter(
                op ->
                    action.equals(FormatAnnotations.value(op, "pcp.action").orElse(null))
                        || action.equals(op.getName())
                        || action.equals(op.getQualifiedName()))
            .findFirst()
            .orElseThrow(() -> new FormatException("No operation for pcp-action '" + action + "'"));
    Map<String, Object> parameters = new LinkedHashMap<>();
    operation
        .parameters()
        .filter(p -> !FormatAnnotations.ignored(p))
        .forEach(
            p -> {
              if (FormatAnnotations.isSet(p, "pcp.message")) {
                parameters.put(p.getName(), body);
              } else if (fields.containsKey(p.getName())) {
                parameters.put(p.getName(), typed(p, fields.get(p.getName())));
              }
            });
    return new InboundMessage(operation.getName(), parameters, request.headers());
  }

  @Override
  public Object compose(ComposeRequest request) {
    CdsEvent event = request.definition();
    Map<String, Object> data = GenericFormat.copyOf(request.data());
    Map<String, Object> headers = request.headers();
    String action =
        header(headers, "action")
            .or(() -> FormatAnnotations.value(event, "pcp.action").filter(String.class::isInstance))
            .or(() -> element(event, "pcp.action").map(data::remove))
            .map(String::valueOf)
            .orElse(MESSAGE);
    Object bodyValue =
        header(headers, "message")
            .or(
                () ->
                    FormatAnnotations.value(event, "pcp.message").filter(String.class::isInstance))
            .or(() -> element(event, "pcp.message").map(data::remove))
            .orElse("");
    Optional<Object> channel = FormatAnnotations.value(event, "pcp.channel");

    StringBuilder out = new StringBuilder();
    out.append("pcp-action:").append(escape(action)).append('\n');
    Map<String, Object> fields = new LinkedHashMap<>();
    String body;
    if (FormatAnnotations.isSet(event, "pcp.sideEffect")) {
      channel = channel.or(() -> sideEffectChannel(request));
      channel.ifPresent(
          c -> out.append("pcp-channel:").append(escape(String.valueOf(c))).append('\n'));
      fields.put("sideEffectSource", "");
      fields.put("sideEffectEventName", pcpEvent(request).orElse(request.event()));
      fields.put("serverAction", "RaiseSideEffect");
      body = "";
    } else {
      pcpEvent(request).ifPresent(e -> out.append("pcp-event:").append(escape(e)).append('\n'));
      channel.ifPresent(
          c -> out.append("pcp-channel:").append(escape(String.valueOf(c))).append('\n'));
      out.append("pcp-body-type:text\n");
      body = text(bodyValue);
    }
    data.forEach(
        (name, value) -> {
          if (event == null || isSentElement(event, name)) {
            fields.put(name, value);
          }
        });
    fields.forEach(
        (name, value) -> {
          if (value == null || name.startsWith("pcp-")) {
            return;
          }
          String text = text(value);
          if (!text.isEmpty()) {
            out.append(escape(name)).append(':').append(escape(text)).append('\n');
          }
        });
    out.append('\n').append(body);
    return out.toString();
  }

  /** Escapes {@code \}, {@code :} and newlines of a field name or value. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("\n", "\\n");
  }

  /** The fields of a header block; a line without an unescaped colon is ignored. */
  static Map<String, String> fields(String header) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : header.split("\n")) {
      StringBuilder name = new StringBuilder();
      StringBuilder value = null;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        StringBuilder target = value == null ? name : value;
        if (c == '\\' && i + 1 < line.length()) {
          char next = line.charAt(++i);
          target.append(next == 'n' ? '\n' : next);
        } else if (c == ':' && value == null) {
          value = new StringBuilder();
        } else {
          target.append(c);
        }
      }
      if (value != null && name.length() > 0) {
        fields.put(name.toString(), value.toString());
      }
    }
    return fields;
  }

  private static Optional<Object> header(Map<String, Object> headers, String name) {
    for (String candidate : List.of("pcp-" + name, "pcp_" + name, "pcp." + name, "pcp" + name)) {
      Object value = headers.get(candidate);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> element(CdsEvent event, String annotation) {
    if (event == null) {
      return Optional.empty();
    }
    return event
        .elements()
        .filter(e -> FormatAnnotations.isSet(e, annotation))
        .map(CdsElement::getName)
        .findFirst();
  }

  private static Optional<String> pcpEvent(ComposeRequest request) {
    Object value = FormatAnnotations.value(request.definition(), "pcp.event").orElse(null);
    if (value instanceof String s && !s.isEmpty()) {
      return Optional.of(s);
    }
    if (Boolean.TRUE.equals(value)) {
      return Optional.of(request.event());
    }
    return Optional.empty();
  }

  private static Optional<Object> sideEffectChannel(ComposeRequest request) {
    return annotation(request.definition(), CHANNEL)
        .or(() -> annotation(request.service(), CHANNEL + "#sideEffects"))
        .or(() -> annotation(request.service(), CHANNEL));
  }

  private static Optional<Object> annotation(CdsAnnotatable target, String name) {
    if (target == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(target.getAnnotationValue(name, null)).map(FormatAnnotations::plain);
  }

  private static boolean isSentElement(CdsEvent event, String name) {
    return event.findElement(name).filter(e -> !FormatAnnotations.ignored(e)).isPresent();
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    Object plain = Json.plain(value);
    return plain instanceof Map || plain instanceof List
        ? Json.write(plain)
        : String.valueOf(plain);
  }

  private static Object typed(CdsParameter parameter, String value) {
    CdsType type = parameter.getType();
    if (!type.isSimple()) {
      return value;
    }
    CdsBaseType base = type.as(CdsSimpleType.class).getType();
    try {
      return switch (base) {
        case BOOLEAN -> bool(parameter, value);
        case UINT8, INT16, INT32, INTEGER, INT64, INTEGER64, HANA_SMALLINT, HANA_TINYINT ->
            new BigDecimal(value.trim()).toBigIntegerExact();
        case DECIMAL, DECIMAL_FLOAT, HANA_SMALLDECIMAL, DOUBLE, HANA_REAL ->
            new BigDecimal(value.trim());
        default -> value;
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw new FormatException(
          "pcp field '"
              + parameter.getName()
              + "' must be a "
              + base.cdsName().toLowerCase(Locale.ROOT)
              + " number, not '"
              + value
              + "'");
    }
  }

  private static Boolean bool(CdsParameter parameter, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default ->
          throw new FormatException(
              "pcp field '" + parameter.getName() + "' must be true or false, not '" + value + "'");
    };
  }
}
