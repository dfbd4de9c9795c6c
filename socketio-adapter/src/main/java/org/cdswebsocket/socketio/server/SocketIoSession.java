package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.SocketIOClient;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cdswebsocket.socketio.protocol.EventPacketEncoder;
import org.cdswebsocket.socketio.worker.SerialExecutor;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.SessionGroupWriter;
import org.cdswebsocket.spi.WebSocketMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ClientSession} of one Socket.IO socket: one client connection joined to one namespace.
 *
 * <p>Lifecycle: created {@code CONNECTING} when the client asks to join the namespace; {@code OPEN}
 * once the handshake is authenticated and acknowledged; {@code CLOSED} when either side leaves or
 * the transport ends. Only open sessions receive events or reach core (netty-socketio gap G2).
 *
 * <p>Sending: a broadcast's packet text is encoded once per payload ({@link
 * OutboundPayload#encoded}) and written as a websocket frame straight to the client's channel with
 * a deferred flush; clients on HTTP long-polling fall back to the library's {@code sendEvent}. More
 * than {@code sendQueueLimit} queued frames close the connection as a slow consumer. Thread-safe.
 */
public final class SocketIoSession implements ClientSession {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoSession.class);

  enum State {
    CONNECTING,
    OPEN,
    CLOSED
  }

  private final UUID id = UUID.randomUUID();
  private final String namespace;
  private final Connection connection;
  private final SerialExecutor executor;
  private final DeferredFlusher flusher;
  private final int sendQueueLimit;
  private final WebSocketMetrics metrics;
  private final Set<String> contexts = ConcurrentHashMap.newKeySet();
  private final AtomicReference<State> state = new AtomicReference<>(State.CONNECTING);
  private final AtomicInteger pendingWrites = new AtomicInteger();
  private volatile ClientInfo info;
  private volatile SocketIOClient client;
  private volatile String closeReason;

  SocketIoSession(
      String namespace,
      Connection connection,
      SerialExecutor executor,
      DeferredFlusher flusher,
      int sendQueueLimit,
      WebSocketMetrics metrics) {
    this.namespace = namespace;
    this.connection = connection;
    this.executor = executor;
    this.flusher = flusher;
    this.sendQueueLimit = sendQueueLimit;
    this.metrics = metrics;
  }

  /** Frames written to the channel and not yet flushed out. */
  int pendingWrites() {
    return Math.max(0, pendingWrites.get());
  }

  @Override
  public String id() {
    return id.toString();
  }

  UUID socketId() {
    return id;
  }

  String namespace() {
    return namespace;
  }

  Connection connection() {
    return connection;
  }

  SerialExecutor executor() {
    return executor;
  }

  @Override
  public ClientInfo info() {
    return info;
  }

  @Override
  public Set<String> contexts() {
    return contexts;
  }

  @Override
  public boolean isOpen() {
    return state.get() == State.OPEN;
  }

  boolean isClosed() {
    return state.get() == State.CLOSED;
  }

  @Override
  public Object nativeSession() {
    return client;
  }

  /** CONNECTING to OPEN; false if the session was closed meanwhile. */
  boolean open(ClientInfo info, SocketIOClient client) {
    this.info = info;
    this.client = client;
    return state.compareAndSet(State.CONNECTING, State.OPEN);
  }

  /**
   * Marks the session closed; returns the state it had, so that only the first caller of an open
   * session reports the close to core.
   */
  State markClosed(String reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
    return state.getAndSet(State.CLOSED);
  }

  /**
   * Records the client's own disconnect: closes a session that is still connecting (returns true),
   * or only notes the reason for an open one, whose close the library reports.
   */
  boolean cancelIfConnecting(String reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
    return state.compareAndSet(State.CONNECTING, State.CLOSED);
  }

  /** Why the session closed, as a Socket.IO disconnect reason. */
  String closeReason() {
    return closeReason;
  }

  @Override
  public void send(OutboundPayload payload) {
    if (!isOpen()) {
      return;
    }
    Channel channel = connection.activeWebsocket();
    if (channel != null) {
      if (pendingWrites.incrementAndGet() > sendQueueLimit) {
        overflow();
        return;
      }
      flusher.write(channel, frame(payload), this::written);
      return;
    }
    SocketIOClient c = client;
    if (c == null) {
      return;
    }
    if (connection.head().getPacketsQueue(com.corundumstudio.socketio.Transport.POLLING).size()
        >= sendQueueLimit) {
      overflow();
      return;
    }
    Object data = payload.isText() ? payload.text() : payload.data();
    if (data == null) {
      c.sendEvent(payload.event());
    } else {
      c.sendEvent(payload.event(), data);
    }
  }

  @Override
  public SessionGroupWriter groupWriter() {
    return flusher;
  }

  /**
   * For a group write: the websocket channel to write {@code payload}'s frame to, with one queue
   * slot taken; or {@code null} when the payload was handled otherwise (session closed, queue full
   * and session closed, or long-polling transport: sent through the library).
   */
  Channel claimWebsocketWrite(OutboundPayload payload) {
    if (!isOpen()) {
      return null;
    }
    Channel channel = connection.activeWebsocket();
    if (channel == null) {
      send(payload);
      return null;
    }
    if (pendingWrites.incrementAndGet() > sendQueueLimit) {
      overflow();
      return null;
    }
    return channel;
  }

  /** The outcome of one frame write, on the event loop. */
  void written(int queuedInChannel) {
    pendingWrites.decrementAndGet();
    if (queuedInChannel > sendQueueLimit) {
      overflow();
    }
  }

  private void overflow() {
    if (isOpen()) {
      LOG.warn(
          "A socket at {} is too slow: more than {} frames queued; disconnecting it",
          namespace,
          sendQueueLimit);
      metrics.slowConsumerClosed(namespace);
      close(CloseCode.TRY_AGAIN_LATER, "send queue overflow");
    }
  }

  byte[] frame(OutboundPayload payload) {
    Encoded encoded = payload.encoded(p -> Encoded.of(namespace, p));
    return namespace.equals(encoded.namespace())
        ? encoded.bytes()
        : Encoded.of(namespace, payload).bytes();
  }

  /** One payload's frame text for one namespace, cached on the payload. */
  private record Encoded(String namespace, byte[] bytes) {
    static Encoded of(String namespace, OutboundPayload p) {
      Object data = p.isText() ? p.text() : p.data();
      return new Encoded(namespace, EventPacketEncoder.encode(namespace, p.event(), data));
    }
  }

  /**
   * Closes the socket. A slow consumer ({@link CloseCode#TRY_AGAIN_LATER}) loses the whole
   * connection, because its channel is what is clogged; otherwise only this namespace is left, with
   * a DISCONNECT packet as a Socket.IO server would send.
   */
  @Override
  public void close(CloseCode code, String reason) {
    State previous = state.get();
    if (previous == State.CLOSED) {
      return;
    }
    if (code != null && code.equals(CloseCode.TRY_AGAIN_LATER)) {
      closeReason = "transport error";
      connection.kill(WebSocketCloseStatus.TRY_AGAIN_LATER);
      return;
    }
    SocketIOClient c = client;
    if (c == null) {
      markClosed("server namespace disconnect");
      return;
    }
    closeReason = "server namespace disconnect";
    c.disconnect();
    if (c instanceof com.corundumstudio.socketio.transport.NamespaceClient nc) {
      nc.onDisconnect(); // the library's disconnect() does not detach the socket itself
    }
  }

  @Override
  public String toString() {
    return "SocketIoSession[" + id + " " + namespace + " " + state.get() + "]";
  }
}
