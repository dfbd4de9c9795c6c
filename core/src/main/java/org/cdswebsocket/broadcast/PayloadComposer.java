package org.cdswebsocket.broadcast;

import java.util.Map;
import org.cdswebsocket.format.JsonFormat;
import org.cdswebsocket.format.MessageFormat;
import org.cdswebsocket.spi.OutboundPayload;

/**
 * Turns an event into the payload a transport writes: a text frame composed by the event's format,
 * or, for transports that encode event data themselves (Socket.IO) and the {@code json} format, the
 * data unchanged (the Node plugin's "identity" format; headers are not sent there either).
 *
 * <p>Thread-safe.
 */
public final class PayloadComposer {

  private final Map<String, MessageFormat> formats;
  private final boolean structuredEvents;

  /**
   * @param formats the known formats by name
   * @param structuredEvents whether the transport carries event name and data itself
   */
  public PayloadComposer(Map<String, MessageFormat> formats, boolean structuredEvents) {
    this.formats = Map.copyOf(formats);
    this.structuredEvents = structuredEvents;
  }

  /** Composes one payload. */
  public OutboundPayload compose(
      String event, String format, Object data, Map<String, Object> headers) {
    if (structuredEvents && JsonFormat.NAME.equals(format)) {
      return OutboundPayload.data(event, data);
    }
    String text = format(format).compose(event, data, headers);
    return structuredEvents ? OutboundPayload.data(event, text) : OutboundPayload.text(event, text);
  }

  /** The format of this name. */
  public MessageFormat format(String name) {
    MessageFormat format = formats.get(name);
    if (format == null) {
      throw new IllegalArgumentException("Unknown websocket format " + name);
    }
    return format;
  }
}
