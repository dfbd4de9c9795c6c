package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.protocol.ConnPacket;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the library packets the adapter sends itself: namespace CONNECT acknowledgements,
 * CONNECT_ERROR and event acknowledgements. They are queued with {@code ClientHead.send}, which is
 * safe from any thread.
 */
final class ControlPackets {

  private ControlPackets() {}

  /** {@code 40/nsp,{"sid":"<sid>"}}: the namespace connection is accepted. */
  static Packet connected(String namespace, UUID sid) {
    Packet p = message(PacketType.CONNECT, namespace);
    p.setData(new ConnPacket(sid));
    return p;
  }

  /** {@code 44/nsp,{"message":"<message>"}}: the namespace connection is refused. */
  static Packet connectError(String namespace, String message) {
    Packet p = message(PacketType.ERROR, namespace);
    p.setData(Map.of("message", message));
    return p;
  }

  /** {@code 43/nsp,<id>[<arg>]}: the acknowledgement of a client event, with one argument. */
  static Packet ack(String namespace, long ackId, Object arg) {
    Packet p = message(PacketType.ACK, namespace);
    p.setAckId(ackId);
    p.setData(Collections.singletonList(arg));
    return p;
  }

  /** {@code 43/nsp,<id>[]}: the acknowledgement of a client event, without argument. */
  static Packet emptyAck(String namespace, long ackId) {
    Packet p = message(PacketType.ACK, namespace);
    p.setAckId(ackId);
    p.setData(Collections.emptyList());
    return p;
  }

  private static Packet message(PacketType subType, String namespace) {
    Packet p = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
    p.setSubType(subType);
    p.setNsp(namespace);
    return p;
  }
}
