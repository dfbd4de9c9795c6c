package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cdswebsocket.socketio.protocol.PacketFormatException;
import org.cdswebsocket.socketio.protocol.SioPacket;
import org.cdswebsocket.socketio.protocol.SioPacketParser;
import org.cdswebsocket.spi.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline handler in front of netty-socketio's packet handler: it sees every Engine.IO payload
 * a client sends, validates each packet, and decides who handles it.
 *
 * <ul>
 *   <li>Engine.IO packets (ping, pong, upgrade, noop), the root namespace's CONNECT and the
 *       application namespaces' DISCONNECT go on to the library. The client's close packet {@code
 *       1} is handled here ({@link Connection#closedByClient}); a root DISCONNECT is dropped (the
 *       connection stays, as with the reference server); a completed upgrade ({@code 5}) closes the
 *       session's polling transport ({@link Connection#upgraded}).
 *   <li>Every packet counts as a sign of life for the heartbeat deadline the {@link HandshakeGuard}
 *       enforces.
 *   <li>CONNECT and events of application namespaces are handled by the {@link NamespaceRouter} and
 *       never reach the library's listeners: authentication state is per session id and namespace
 *       (G2), the auth payload per namespace (G3), no application logic on the root namespace (G1),
 *       arguments are decoded generically (G5).
 *   <li>CONNECT to an unknown namespace is answered with {@code 44/nsp,{"message":"Invalid
 *       namespace"}} (G7); events of unknown or root namespaces are dropped.
 *   <li>A packet that violates the protocol closes the connection (G10); every record is validated
 *       as a whole, and a websocket frame with a record separator (Engine.IO v4 never batches over
 *       websocket) closes it too, so that no packet can be smuggled behind a harmless one. Only
 *       canonical packets built here are forwarded to the library. Binary packets are refused and
 *       their attachments discarded (G4).
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

  private static boolean isWebsocketHandshake(FullHttpRequest request) {
    return request
            .headers()
            .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
        && !request.uri().contains("sid=");
  }

  /**
   * A connection opened directly over websocket sends no frame until it connects a namespace, yet
   * must be closable from the start (connect timeout): its channel is remembered as soon as the
   * library has created the Engine.IO session for it (the library's own disconnect does not
   * reliably close a websocket that never sent a frame).
   */
  private void captureHandshakeChannel(Channel channel) {
    ClientHead head = channel.attr(ClientHead.CLIENT).get();
    if (head == null) {
      return; // refused before a session existed
    }
    Connection connection = connections.of(head);
    connection.websocket(channel);
    channel.closeFuture().addListener(closed -> connections.release(connection));
  }

  /** The marker result of a record that closes the connection. */
  private static final String CLOSE = new String("close");

  /** The marker result of the client's own Engine.IO close packet. */
  private static final String BYE = new String("bye");

  PacketGate(ConnectionRegistry connections, NamespaceRouter router) {
    this.connections = connections;
    this.router = router;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request && isWebsocketHandshake(request)) {
      Channel channel = ctx.channel();
      ctx.fireChannelRead(msg);
      captureHandshakeChannel(channel);
      return;
    }
    if (!(msg instanceof PacketsMessage message)) {
      ctx.fireChannelRead(msg);
      return;
    }
    Connection connection = connections.of(message.getClient());
    connection.heard();
    boolean websocket = message.getTransport() == Transport.WEBSOCKET;
    if (websocket) {
      connection.websocket(ctx.channel());
    }
    if (websocket && connection.skipNext()) {
      return; // a refused binary attachment
    }
    String text = message.getContent().toString(StandardCharsets.UTF_8);
    if (websocket && text.indexOf(RECORD_SEPARATOR) >= 0) {
      // Engine.IO v4 never batches over websocket: a separator smuggles a second packet
      invalid("record separator in a websocket frame");
      connection.kill(WebSocketCloseStatus.PROTOCOL_ERROR);
      return;
    }
    List<String> records = websocket ? List.of(text) : split(text);
    List<String> forward = new ArrayList<>(records.size());
    for (String record : records) {
      if (!websocket && connection.skipNext()) {
        continue;
      }
      String result = route(connection, record);
      if (result == CLOSE) {
        connection.kill(WebSocketCloseStatus.PROTOCOL_ERROR);
        return;
      }
      if (result == BYE) {
        forward(ctx, message, forward); // what came before the close packet
        connection.closedByClient();
        return;
      }
      if (result != null) {
        forward.add(result);
      }
    }
    forward(ctx, message, forward);
    if (websocket && records.get(0).equals("5")) {
      connection.upgraded(); // after the library switched the session to websocket
    }
  }

  private static void forward(
      ChannelHandlerContext ctx, PacketsMessage message, List<String> forward) {
    if (forward.isEmpty()) {
      return;
    }
    // only canonical packets of our own making reach the library: its decoder also understands
    // legacy framings (length prefixes, 0x00 markers) that could hide a packet inside another
    ByteBuf content =
        Unpooled.copiedBuffer(
            String.join(String.valueOf(RECORD_SEPARATOR), forward), StandardCharsets.UTF_8);
    try {
      ctx.fireChannelRead(new PacketsMessage(message.getClient(), content, message.getTransport()));
    } finally {
      content.release();
    }
  }

  /**
   * Validates one record as a whole and handles it; returns the canonical packet to forward to the
   * library, {@code null} when nothing is forwarded, or {@link #CLOSE}.
   */
  private String route(Connection connection, String record) {
    if (record.isEmpty()) {
      return invalid("empty packet");
    }
    char type = record.charAt(0);
    switch (type) {
      case '1':
        // handled here: the library ignores it before a namespace connect and never closes a
        // websocket or releases a waiting poll for it
        return record.length() == 1 ? BYE : invalid("Engine.IO packet with a payload");
      case '5', '6':
        return record.length() == 1 ? record : invalid("Engine.IO packet with a payload");
      case '2', '3':
        return record.length() == 1 || record.equals(type + "probe")
            ? record
            : invalid("Engine.IO ping/pong with a payload");
      case '4':
        break;
      default:
        return invalid("unknown Engine.IO packet type");
    }
    SioPacket packet;
    try {
      packet = parser.parse(record.substring(1));
    } catch (PacketFormatException e) {
      return invalid(e.getMessage());
    }
    String nsp = packet.namespace();
    boolean served = router.serves(nsp);
    boolean root = SioPacket.ROOT.equals(nsp);
    switch (packet.type()) {
      case SioPacket.CONNECT:
        if (served) {
          router.onConnect(connection, packet);
          return null;
        }
        if (root) {
          return "40"; // canonical form; the library misreads "40/," as namespace "/"
        }
        router.rejectUnknown(connection, nsp);
        return null;
      case SioPacket.DISCONNECT:
        if (served) {
          router.onClientDisconnect(connection, nsp);
          return "41" + nsp + ",";
        }
        // leaving the root namespace ends nothing: the library would end the Engine.IO session
        // but leave the transport open (gap G8), the reference server keeps the connection
        return null;
      case SioPacket.EVENT:
        if (served) {
          router.onEvent(connection, packet);
        }
        return null;
      case SioPacket.ACK:
        return null; // the server never asks for acknowledgements
      case SioPacket.BINARY_EVENT, SioPacket.BINARY_ACK:
        connection.skipAttachments(packet.attachments());
        router.onBinary(connection, packet);
        return null;
      default:
        return invalid("clients do not send packet type " + packet.type());
    }
  }

  private static String invalid(String reason) {
    LOG.info("Closing a Socket.IO connection: invalid packet ({})", LogSafe.text(reason));
    return CLOSE;
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
