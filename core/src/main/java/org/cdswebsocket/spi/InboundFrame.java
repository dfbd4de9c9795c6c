package org.cdswebsocket.spi;

import java.util.Map;

/**
 * One message a client sent, as the transport delivered it, not yet interpreted by core.
 *
 * <p>Kind {@code ws} delivers whole text frames ({@link #text(String)}); Socket.IO delivers an
 * event name with already decoded arguments ({@link #event(String, Object, Map)}).
 *
 * @param text the raw text frame, or {@code null} for a pre-decoded event
 * @param event the event name of a pre-decoded event, or {@code null}
 * @param data the event data of a pre-decoded event, or {@code null}
 * @param headers headers of a pre-decoded event (may be empty)
 */
public record InboundFrame(String text, String event, Object data, Map<String, Object> headers) {

  /** A raw text frame, parsed by the endpoint's format. */
  public static InboundFrame text(String text) {
    return new InboundFrame(text, null, null, Map.of());
  }

  /** An event the transport already decoded (Socket.IO). */
  public static InboundFrame event(String event, Object data, Map<String, Object> headers) {
    return new InboundFrame(null, event, data, headers == null ? Map.of() : headers);
  }
}
