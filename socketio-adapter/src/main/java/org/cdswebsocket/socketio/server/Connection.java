package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO connection (a netty-socketio {@link ClientHead}) and the adapter's state for it:
 * the per-namespace sessions (authentication state per session id and namespace, gap G2), the
 * websocket channel once the client uses one (captured from the pipeline, so broadcasts can write
 * pre-encoded frames to it), binary attachments still to be discarded, and the refused namespace
 * connects so far.
 *
 * <p>Every packet the adapter itself sends (connect answers, acknowledgements, errors) goes through
 * {@link #send}, which counts it against {@code cds.websocket.send-queue-limit}: a client that
 * provokes answers without reading them is disconnected instead of queueing them without bound.
 *
 * <p>Thread-safe.
 */
final class Connection {

  private final ClientHead head;
  private final int sendQueueLimit;
  private final Map<String, SocketIoSession> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger attachmentsToSkip = new AtomicInteger();
  private final AtomicInteger failedConnects = new AtomicInteger();
  private volatile Channel websocket;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile boolean upgraded;
  private volatile boolean closedByClient;

  Connection(ClientHead head, int sendQueueLimit) {
    this.head = head;
    this.sendQueueLimit = sendQueueLimit;
  }

  /**
   * Queues a packet of the adapter's own for the client, unless the client's queue is over the
   * limit: then the connection is closed with 1013 and the packet dropped.
   */
  void send(Packet packet) {
    if (backlog() >= sendQueueLimit) {
      LoggerFactory.getLogger(Connection.class)
          .warn("A Socket.IO client does not read its packets; closing its connection");
      kill(WebSocketCloseStatus.TRY_AGAIN_LATER);
      return;
    }
    head.send(packet);
  }

  /** Packets waiting for the client: in the websocket channel, or in the long-polling queue. */
  int backlog() {
    Channel ch = activeWebsocket();
    if (ch != null) {
      ChannelOutboundBuffer buffer = ch.unsafe().outboundBuffer();
      return buffer == null ? 0 : buffer.size();
    }
    return head.getPacketsQueue(Transport.POLLING).size();
  }

  /** The client sent a packet: it is alive (the Engine.IO heartbeat deadline starts again). */
  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /**
   * Whether the client has sent nothing for longer than {@code millis}: its session is over by the
   * Engine.IO heartbeat rule even if the library's coarse timer has not noticed yet.
   */
  boolean silentFor(long millis) {
    return System.nanoTime() - lastHeardNanos > TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /**
   * The client completed an upgrade to websocket (its {@code 5} packet): the polling transport of
   * the session is closed, and a poll still waiting is released with {@code noop}.
   */
  void upgraded() {
    upgraded = true;
    head.send(new Packet(PacketType.NOOP, EngineIOVersion.V4), Transport.POLLING);
  }

  /** Whether the session has completed an upgrade to websocket. */
  boolean isUpgraded() {
    return upgraded;
  }

  /**
   * The client closed the Engine.IO session (its {@code 1} packet), as the reference server handles
   * it: a websocket is closed (close frame, then the channel), a poll still waiting is answered
   * with {@code noop}; every namespace ends, and later requests for the session get 400.
   */
  void closedByClient() {
    closedByClient = true; // before the waiting poll is released: the client's next request is 400
    Channel ch = websocket;
    if (ch != null && ch.isActive() && head.getCurrentTransport() == Transport.WEBSOCKET) {
      ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
          .addListener(ChannelFutureListener.CLOSE);
      ch.eventLoop().schedule(() -> ch.close(), 1, TimeUnit.SECONDS);
    } else {
      head.send(new Packet(PacketType.NOOP, EngineIOVersion.V4), Transport.POLLING);
    }
    try {
      head.onChannelDisconnect();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Connection.class).debug("Library disconnect failed", e);
    }
  }

  /**
   * Whether the client closed the session with its {@code 1} packet; from that moment on, before
   * the library has ended the session, a request for it gets 400 and never waits.
   */
  boolean isClosedByClient() {
    return closedByClient;
  }

  /** Counts a refused namespace connect; returns the count so far. */
  int connectRefused() {
    return failedConnects.incrementAndGet();
  }

  /** The namespaces joined or being joined. */
  int sessionCount() {
    return sessions.size();
  }

  ClientHead head() {
    return head;
  }

  /** Remembers the websocket channel the client's frames arrive on. */
  void websocket(Channel channel) {
    if (websocket != channel) {
      websocket = channel;
    }
  }

  /** The websocket channel if the client currently uses websocket and it is open, else null. */
  Channel activeWebsocket() {
    Channel ch = websocket;
    if (ch == null || !ch.isActive() || head.getCurrentTransport() != Transport.WEBSOCKET) {
      return null;
    }
    return ch;
  }

  SocketIoSession session(String namespace) {
    return sessions.get(namespace);
  }

  /** Adds a session unless an open one exists for the namespace; returns the winner. */
  SocketIoSession addSession(SocketIoSession session) {
    SocketIoSession existing =
        sessions.compute(
            session.namespace(), (nsp, old) -> old != null && !old.isClosed() ? old : session);
    return existing;
  }

  void removeSession(SocketIoSession session) {
    sessions.remove(session.namespace(), session);
  }

  boolean hasSessions() {
    return !sessions.isEmpty();
  }

  /** Frames queued for this connection's sessions and not yet written. */
  int pendingWrites() {
    int total = 0;
    for (SocketIoSession session : sessions.values()) {
      total += session.pendingWrites();
    }
    return total;
  }

  /** Discards the next {@code count} records (binary attachments the adapter refuses). */
  void skipAttachments(int count) {
    attachmentsToSkip.addAndGet(count);
  }

  /** Whether the next record is a refused attachment; consumes one skip if so. */
  boolean skipNext() {
    return attachmentsToSkip.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /**
   * Ends the whole connection: every namespace, and the channel even if it is clogged. A websocket
   * client first gets a close frame with {@code status}, so that it learns the reason at once
   * instead of by its ping timeout (the library's disconnect closes the channel without one); a
   * channel that cannot take the frame is closed after one second anyway.
   */
  void kill(WebSocketCloseStatus status) {
    Channel ch = websocket;
    if (ch != null && ch.isActive()) {
      ch.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
      ch.eventLoop().schedule(() -> ch.close(), 1, TimeUnit.SECONDS);
    }
    try {
      head.disconnect();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Connection.class).debug("Library disconnect failed", e);
    }
  }
}
