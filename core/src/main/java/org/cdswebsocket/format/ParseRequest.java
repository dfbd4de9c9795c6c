package org.cdswebsocket.format;

import com.sap.cds.reflect.CdsOperation;
import com.sap.cds.reflect.CdsService;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * What a {@link MessageFormat} gets to parse one inbound message.
 *
 * @param service the CDS service of the endpoint the client is connected to, or {@code null} when a
 *     format is used without a model (unit tests)
 * @param operations the operations a client may call at this endpoint (including the service's
 *     {@code wsContext} operation, if modelled); formats that map a message to an operation (pcp,
 *     cloudevent, generic) choose from these
 * @param payload the message: the text frame (kind ws), or the event's argument as the transport
 *     decoded it (kind socket.io: a string, a map or {@code null})
 * @param event the event name the transport carried (kind socket.io), or {@code null} (kind ws)
 * @param headers headers the transport carried beside the payload (socket.io's third argument),
 *     never {@code null}
 * @param kind the kind of the transport
 */
public record ParseRequest(
    CdsService service,
    List<CdsOperation> operations,
    Object payload,
    String event,
    Map<String, Object> headers,
    WebSocketKind kind) {

  public ParseRequest {
    operations = operations == null ? List.of() : List.copyOf(operations);
    headers = headers == null ? Map.of() : headers;
    Objects.requireNonNull(kind, "kind");
  }

  /** A text frame of kind ws, without a model (for tests and simple formats). */
  public static ParseRequest text(String frame) {
    return new ParseRequest(null, List.of(), frame, null, Map.of(), WebSocketKind.WS);
  }
}
