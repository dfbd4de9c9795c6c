package org.cdswebsocket.format;

import java.util.Map;

/**
 * A symmetric, pure codec between wire text and events. Implementations hold no session state, do
 * no I/O and are thread-safe.
 *
 * <pre>{@code
 * MessageFormat json = new JsonFormat();
 * InboundMessage m = json.parse("{\"event\":\"message\",\"data\":{\"text\":\"hi\"}}");
 * String frame = json.compose("received", Map.of("text", "hi"), Map.of());
 * }</pre>
 */
public interface MessageFormat {

  /** The format's name as used in {@code @ws.format} and {@code cds.websocket.format}. */
  String name();

  /**
   * Parses one text frame.
   *
   * @throws FormatException if the frame is not valid in this format
   */
  InboundMessage parse(String frame);

  /**
   * Composes one outbound text frame.
   *
   * @param headers the {@code ws}/{@code websocket} header section of the emit, may be empty
   */
  String compose(String event, Object data, Map<String, Object> headers);
}
