package org.cdswebsocket.socketio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdswebsocket.spi.Json;

/**
 * Decodes and validates Socket.IO v5 packet text with the rules of the reference parser ({@code
 * socket.io-parser}): known type, namespace up to the first comma, numeric ack id, a JSON payload
 * whose shape fits the type, nothing after the payload.
 *
 * <p>Pure and thread-safe. netty-socketio's own decoder accepts garbage ({@code 4abc}, {@code
 * 42{}}, non-numeric ack ids parsed as numbers; gap G10), so the adapter validates every packet
 * with this class before the library sees it.
 */
public final class SioPacketParser {

  private static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  private static final int MAX_ACK_ID_DIGITS = 18;

  private final ObjectReader reader =
      Json.mapper().readerFor(Object.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Parses one Socket.IO packet.
   *
   * @param text the packet text without the Engine.IO {@code 4} prefix, e.g. {@code
   *     2/ws/chat,7["message",{"text":"hi"}]}
   * @throws PacketFormatException if the text is not a valid packet
   */
  public SioPacket parse(String text) throws PacketFormatException {
    if (text.isEmpty()) {
      throw new PacketFormatException("empty packet");
    }
    int type = text.charAt(0) - '0';
    if (type < SioPacket.CONNECT || type > SioPacket.BINARY_ACK) {
      throw new PacketFormatException("unknown packet type");
    }
    int i = 1;
    int attachments = 0;
    if (type == SioPacket.BINARY_EVENT || type == SioPacket.BINARY_ACK) {
      int dash = text.indexOf('-', i);
      if (dash < 0 || dash == i || dash - i > 6 || !digits(text, i, dash)) {
        throw new PacketFormatException("invalid attachment count");
      }
      attachments = Integer.parseInt(text.substring(i, dash));
      i = dash + 1;
    }
    String namespace = SioPacket.ROOT;
    if (i < text.length() && text.charAt(i) == '/') {
      int comma = text.indexOf(',', i);
      int end = comma < 0 ? text.length() : comma;
      namespace = text.substring(i, end);
      i = comma < 0 ? end : comma + 1;
    }
    int ackStart = i;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    Long ackId = null;
    if (i > ackStart) {
      if (i - ackStart > MAX_ACK_ID_DIGITS) {
        throw new PacketFormatException("ack id too long");
      }
      ackId = Long.parseLong(text.substring(ackStart, i));
    }
    Object payload = null;
    if (i < text.length()) {
      try {
        payload = reader.readValue(text.substring(i));
      } catch (JsonProcessingException e) {
        throw new PacketFormatException("payload is not valid JSON");
      }
    }
    SioPacket packet = new SioPacket(type, namespace, ackId, attachments, payload);
    validate(packet, i < text.length());
    return packet;
  }

  private static void validate(SioPacket packet, boolean hasPayload) throws PacketFormatException {
    Object payload = packet.payload();
    boolean valid =
        switch (packet.type()) {
          case SioPacket.CONNECT -> !hasPayload || payload instanceof Map;
          case SioPacket.DISCONNECT -> !hasPayload;
          case SioPacket.CONNECT_ERROR -> payload instanceof String || payload instanceof Map;
          case SioPacket.EVENT, SioPacket.BINARY_EVENT -> isEventArray(payload);
          default -> payload instanceof List;
        };
    if (!valid) {
      throw new PacketFormatException("payload does not fit packet type " + packet.type());
    }
  }

  private static boolean isEventArray(Object payload) {
    if (!(payload instanceof List<?> list) || list.isEmpty()) {
      return false;
    }
    Object name = list.get(0);
    return name instanceof Number || (name instanceof String s && !RESERVED_EVENTS.contains(s));
  }

  private static boolean digits(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
