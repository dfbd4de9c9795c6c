package org.cdswebsocket.format;

import java.util.Map;
import java.util.Objects;

/**
 * One client call after parsing: the event (operation) name, its data and headers.
 *
 * @param event the event name, never {@code null}
 * @param data the event data (operation parameters), never {@code null}
 * @param headers inbound headers, passed to CAP as request headers (never {@code null})
 */
public record InboundMessage(String event, Map<String, Object> data, Map<String, Object> headers) {

  public InboundMessage {
    Objects.requireNonNull(event, "event");
    data = data == null ? Map.of() : data;
    headers = headers == null ? Map.of() : headers;
  }
}
