package org.cdswebsocket.socketio.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cdswebsocket.spi.Json;

/**
 * Encodes a server-to-client event as the complete Engine.IO v4 text frame, e.g. {@code
 * 42/ws/chat,["received",{"text":"hi"}]}.
 *
 * <p>Pure and thread-safe. A broadcast is encoded once with this class and the same bytes are
 * written to every websocket recipient (instead of netty-socketio's per-recipient Jackson encoding,
 * gap G12).
 */
public final class EventPacketEncoder {

  private EventPacketEncoder() {}

  /**
   * Encodes an event with one argument.
   *
   * @param namespace the namespace, e.g. {@code /ws/chat}
   * @param event the event name
   * @param data the single argument; {@code null} sends the event without arguments
   * @return the UTF-8 frame text
   */
  public static byte[] encode(String namespace, String event, Object data) {
    List<Object> array = new ArrayList<>(2);
    array.add(event);
    if (data != null) {
      array.add(data);
    }
    StringBuilder text = new StringBuilder(64).append("42");
    if (!SioPacket.ROOT.equals(namespace)) {
      text.append(namespace).append(',');
    }
    text.append(Json.write(array));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
