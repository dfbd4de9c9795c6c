package org.cdswebsocket.broadcast;

import com.sap.cds.reflect.CdsEvent;
import com.sap.cds.reflect.CdsModel;
import com.sap.cds.reflect.CdsService;
import java.util.Map;
import org.cdswebsocket.format.ComposeRequest;
import org.cdswebsocket.format.MessageFormat;
import org.cdswebsocket.format.MessageFormats;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * Turns an event into the payload a transport writes, with the event's {@link MessageFormat}: a
 * text frame for kind ws, or for transports that encode event data themselves (Socket.IO) the
 * format's value as the event argument (for {@code json} the data unchanged, the Node plugin's
 * "identity" format; a string for {@code pcp}).
 *
 * <p>Thread-safe.
 */
public final class PayloadComposer {

  private final MessageFormats formats;
  private final WebSocketKind kind;
  private final CdsModel model;

  /**
   * @param formats the application's formats
   * @param structuredEvents whether the transport carries event name and data itself
   * @param model the CDS model, to give formats the event definitions; {@code null} in tests
   */
  public PayloadComposer(MessageFormats formats, boolean structuredEvents, CdsModel model) {
    this.formats = formats;
    this.kind = structuredEvents ? WebSocketKind.SOCKET_IO : WebSocketKind.WS;
    this.model = model;
  }

  /** Composes one payload of an event without a known service or definition. */
  public OutboundPayload compose(
      String event, String format, Object data, Map<String, Object> headers) {
    return compose(null, null, event, format, data, headers);
  }

  /** Composes the payload of a broadcast. */
  public OutboundPayload compose(Broadcast broadcast) {
    return compose(
        broadcast.serviceName(),
        broadcast.definition(),
        broadcast.event(),
        broadcast.format(),
        broadcast.data(),
        broadcast.headers());
  }

  /**
   * Composes one payload.
   *
   * @param serviceName the emitting service, or {@code null}
   * @param definition the qualified name of the modelled event, or {@code null}
   */
  public OutboundPayload compose(
      String serviceName,
      String definition,
      String event,
      String format,
      Object data,
      Map<String, Object> headers) {
    CdsService service =
        model == null || serviceName == null ? null : model.findService(serviceName).orElse(null);
    CdsEvent eventDefinition =
        model == null || definition == null ? null : model.findEvent(definition).orElse(null);
    Object composed =
        format(format)
            .compose(
                new ComposeRequest(
                    serviceName, service, event, eventDefinition, data, headers, kind));
    if (kind == WebSocketKind.SOCKET_IO) {
      return OutboundPayload.data(event, composed);
    }
    return OutboundPayload.text(
        event, composed instanceof String text ? text : Json.write(composed));
  }

  /** The format of this name. */
  public MessageFormat format(String name) {
    return formats.get(name);
  }

  /** The CDS definition of a service, or {@code null} without a model. */
  public CdsService service(String name) {
    return model == null || name == null ? null : model.findService(name).orElse(null);
  }

  /** The transport kind payloads are composed for. */
  public WebSocketKind kind() {
    return kind;
  }
}
