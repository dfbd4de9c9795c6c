package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cdswebsocket.socketio.protocol.PacketFormatException;
import org.cdswebsocket.socketio.protocol.SioPacket;
import org.cdswebsocket.socketio.protocol.SioPacketParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline handler in front of netty-socketio's packet handler: it sees every Engine.IO payload
 * a client sends, validates each packet, and decides who handles it.
 *
 * <ul>
 *   <li>Engine.IO packets (ping, pong, upgrade, noop, close) and the root namespace's CONNECT and
 *       every DISCONNECT go on to the library.
 *   <li>CONNECT and events of application namespaces are handled by the {@link NamespaceRouter} and
 *       never reach the library's listeners: authentication state is per session id and namespace
 *       (G2), the auth payload per namespace (G3), no application logic on the root namespace (G1),
 *       arguments are decoded generically (G5).
 *   <li>CONNECT to an unknown namespace is answered with {@code 44/nsp,{"message":"Invalid
 *       namespace"}} (G7); events of unknown or root namespaces are dropped.
 *   <li>A packet that violates the protocol closes the connection (G10). Binary packets are refused
 *       and their attachments discarded (G4).
 * </ul>
 *
 * <p>It also captures the websocket channel of each client for pre-encoded broadcasts. Runs on the
 * event loops; it never blocks. Sharable.
 */
@Sharable
final class PacketGate extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(PacketGate.class);
  private static final char RECORD_SEPARATOR = '\u001e';

  private final ConnectionRegistry connections;
  private final NamespaceRouter router;
  private final SioPacketParser parser = new SioPacketParser();

  private enum Outcome {
    FORWARD,
    FORWARD_ROOT_CONNECT,
    HANDLED,
    CLOSE
  }

  PacketGate(ConnectionRegistry connections, NamespaceRouter router) {
    this.connections = connections;
    this.router = router;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof PacketsMessage message)) {
      ctx.fireChannelRead(msg);
      return;
    }
    Connection connection = connections.of(message.getClient());
    boolean websocket = message.getTransport() == Transport.WEBSOCKET;
    if (websocket) {
      connection.websocket(ctx.channel());
    }
    String text = message.getContent().toString(StandardCharsets.UTF_8);
    List<String> records = websocket ? List.of(text) : split(text);
    List<String> forward = new ArrayList<>(records.size());
    boolean rewritten = false;
    for (String record : records) {
      if (connection.skipNext()) {
        continue;
      }
      Outcome outcome = route(connection, record);
      if (outcome == Outcome.CLOSE) {
        connection.kill(WebSocketCloseStatus.PROTOCOL_ERROR);
        return;
      }
      if (outcome == Outcome.FORWARD) {
        forward.add(record);
      } else if (outcome == Outcome.FORWARD_ROOT_CONNECT) {
        forward.add("40"); // canonical form; the library misreads "40/," as namespace "/"
        rewritten = true;
      }
    }
    if (forward.isEmpty()) {
      return;
    }
    if (websocket && !rewritten) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf content =
        Unpooled.copiedBuffer(
            String.join(String.valueOf(RECORD_SEPARATOR), forward), StandardCharsets.UTF_8);
    try {
      ctx.fireChannelRead(new PacketsMessage(message.getClient(), content, message.getTransport()));
    } finally {
      content.release();
    }
  }

  private Outcome route(Connection connection, String record) {
    if (record.isEmpty()) {
      return invalid(connection, "empty packet");
    }
    char type = record.charAt(0);
    switch (type) {
      case '1', '2', '3', '5', '6':
        return Outcome.FORWARD;
      case '4':
        break;
      default:
        return invalid(connection, "unknown Engine.IO packet type");
    }
    SioPacket packet;
    try {
      packet = parser.parse(record.substring(1));
    } catch (PacketFormatException e) {
      return invalid(connection, e.getMessage());
    }
    String nsp = packet.namespace();
    boolean served = router.serves(nsp);
    switch (packet.type()) {
      case SioPacket.CONNECT:
        if (served) {
          router.onConnect(connection, packet);
          return Outcome.HANDLED;
        }
        if (SioPacket.ROOT.equals(nsp)) {
          return Outcome.FORWARD_ROOT_CONNECT;
        }
        router.rejectUnknown(connection, nsp);
        return Outcome.HANDLED;
      case SioPacket.DISCONNECT:
        if (served) {
          router.onClientDisconnect(connection, nsp);
        }
        return Outcome.FORWARD;
      case SioPacket.EVENT:
        if (served) {
          router.onEvent(connection, packet);
        }
        return Outcome.HANDLED;
      case SioPacket.ACK:
        return Outcome.HANDLED; // the server never asks for acknowledgements
      case SioPacket.BINARY_EVENT, SioPacket.BINARY_ACK:
        connection.skipAttachments(packet.attachments());
        router.onBinary(connection, packet);
        return Outcome.HANDLED;
      default:
        return invalid(connection, "clients do not send packet type " + packet.type());
    }
  }

  private static Outcome invalid(Connection connection, String reason) {
    LOG.info(
        "Closing connection {}: invalid packet ({})", connection.head().getSessionId(), reason);
    return Outcome.CLOSE;
  }

  private static List<String> split(String text) {
    List<String> records = new ArrayList<>();
    int start = 0;
    int sep;
    while ((sep = text.indexOf(RECORD_SEPARATOR, start)) >= 0) {
      records.add(text.substring(start, sep));
      start = sep + 1;
    }
    records.add(text.substring(start));
    return records;
  }
}
