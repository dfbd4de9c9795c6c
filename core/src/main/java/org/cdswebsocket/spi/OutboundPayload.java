package org.cdswebsocket.spi;

import java.util.Objects;
import java.util.function.Function;

/**
 * A message composed once and written unchanged to any number of sessions.
 *
 * <p>Core composes a payload once per broadcast; adapters must not re-encode it per recipient. A
 * payload is either a text frame ({@link #text()} non-null) or, for transports that encode event
 * arguments themselves (Socket.IO), a structured value ({@link #data()}). Adapters that need a
 * transport-specific encoding (for example the Socket.IO packet text) obtain it through {@link
 * #encoded(Function)}, which computes it once per payload, however many sessions receive it.
 *
 * <p>Thread-safe: the cached encoding is published through a volatile field; concurrent first calls
 * may compute it twice, which is harmless because encoders are pure.
 */
public final class OutboundPayload {

  private final String event;
  private final String text;
  private final Object data;
  private volatile Object encoded;

  private OutboundPayload(String event, String text, Object data) {
    this.event = Objects.requireNonNull(event, "event");
    this.text = text;
    this.data = data;
  }

  /** Creates a text payload (kind ws, or a text format such as pcp). */
  public static OutboundPayload text(String event, String text) {
    return new OutboundPayload(event, Objects.requireNonNull(text, "text"), null);
  }

  /** Creates a structured payload, sent as the event's argument (Socket.IO). */
  public static OutboundPayload data(String event, Object data) {
    return new OutboundPayload(event, null, data);
  }

  /** The event name. */
  public String event() {
    return event;
  }

  /** The composed text frame, or {@code null} for a structured payload. */
  public String text() {
    return text;
  }

  /** The structured payload, or {@code null} for a text payload. */
  public Object data() {
    return data;
  }

  /** Whether this payload is a text frame. */
  public boolean isText() {
    return text != null;
  }

  /**
   * Returns this payload's transport encoding, computing it with {@code encoder} on first use. A
   * payload is only ever written by one transport, so one cache slot suffices.
   */
  @SuppressWarnings("unchecked")
  public <T> T encoded(Function<OutboundPayload, T> encoder) {
    Object value = encoded;
    if (value == null) {
      value = encoder.apply(this);
      encoded = value;
    }
    return (T) value;
  }

  @Override
  public String toString() {
    return "OutboundPayload[" + event + "]";
  }
}
