package org.cdswebsocket.format;

import com.sap.cds.reflect.CdsEvent;
import com.sap.cds.reflect.CdsService;
import java.util.Map;
import java.util.Objects;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * What a {@link MessageFormat} gets to compose one outbound message.
 *
 * @param serviceName the qualified name of the service that emitted the event
 * @param service its CDS definition, or {@code null} without a model (unit tests)
 * @param event the event name as clients see it, e.g. {@code received} or {@code Books:created}
 * @param definition the modelled event, or {@code null} for events without one (automatic CRUD
 *     broadcasts, facade emits of unmodelled names)
 * @param data the event data as emitted (a map for modelled events); formats must not modify it
 * @param headers the {@code ws}/{@code websocket} section of the emit headers, merged ({@code ws}
 *     wins), never {@code null}; {@code x-ws-<format>-<name>} request headers arrive here as {@code
 *     <format>: {<name>: value}}
 * @param kind the kind of the transport
 */
public record ComposeRequest(
    String serviceName,
    CdsService service,
    String event,
    CdsEvent definition,
    Object data,
    Map<String, Object> headers,
    WebSocketKind kind) {

  public ComposeRequest {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(kind, "kind");
    headers = headers == null ? Map.of() : headers;
  }

  /** A request without a model (for tests and simple formats). */
  public static ComposeRequest of(
      String event, Object data, Map<String, Object> headers, WebSocketKind kind) {
    return new ComposeRequest(null, null, event, null, data, headers, kind);
  }
}
