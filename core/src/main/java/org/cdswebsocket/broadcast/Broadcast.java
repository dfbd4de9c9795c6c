package org.cdswebsocket.broadcast;

import java.util.Map;
import java.util.Objects;
import org.cdswebsocket.recipients.Recipients;

/**
 * One event to deliver to the clients of one endpoint.
 *
 * @param event the event name
 * @param format the name of the format that composes the payload
 * @param data the event data (a JSON-compatible value)
 * @param headers the {@code ws}/{@code websocket} header section, passed to the format
 * @param recipients who receives it; its path is the endpoint
 * @param serviceName the qualified name of the emitting service, or {@code null} if unknown
 * @param definition the qualified name of the modelled event, or {@code null} if not modelled
 */
public record Broadcast(
    String event,
    String format,
    Object data,
    Map<String, Object> headers,
    Recipients recipients,
    String serviceName,
    String definition) {

  public Broadcast {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(recipients, "recipients");
    headers = headers == null ? Map.of() : headers;
  }

  /** A broadcast whose service and event definition are unknown to the format. */
  public Broadcast(
      String event,
      String format,
      Object data,
      Map<String, Object> headers,
      Recipients recipients) {
    this(event, format, data, headers, recipients, null, null);
  }
}
