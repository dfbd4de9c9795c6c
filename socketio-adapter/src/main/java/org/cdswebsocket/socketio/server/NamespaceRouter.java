package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.sap.cds.services.request.UserInfo;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdswebsocket.socketio.auth.HandshakeAuthenticator;
import org.cdswebsocket.socketio.auth.HandshakeRejectedException;
import org.cdswebsocket.socketio.auth.HandshakeRequest;
import org.cdswebsocket.socketio.protocol.SioPacket;
import org.cdswebsocket.socketio.worker.SerialExecutor;
import org.cdswebsocket.socketio.worker.WorkerPool;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.ErrorPayload;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.spi.LogSafe;
import org.cdswebsocket.spi.WebSocketMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns validated Socket.IO packets of the application namespaces into calls of core's {@link
 * ConnectionHandler}: namespace CONNECT (authenticate, then acknowledge and open the session),
 * events (to {@code onMessage}, with the acknowledgement), binary packets (refused) and disconnects
 * (to {@code onClose}).
 *
 * <p>Threading: the {@code on*} packet methods run on Netty event loops and only queue work;
 * authentication runs on the pool's separate authentication executor, all core calls on the
 * session's {@link SerialExecutor} over the {@link WorkerPool}, in the order the client sent its
 * packets. A saturated pool answers events with the error acknowledgement {@code
 * {"error":{"code":503,...}}} and connects with {@code 44/nsp,{"message":"503"}}.
 */
final class NamespaceRouter {

  private static final Logger LOG = LoggerFactory.getLogger(NamespaceRouter.class);

  /** The client-visible message when the worker pool is saturated. */
  static final String BUSY = "Server busy, try again later";

  private final Map<String, Namespace> namespaces;
  private final ConnectionRegistry connections;
  private final ConnectionHandler handler;
  private final HandshakeAuthenticator authenticator;
  private final WorkerPool pool;
  private final DeferredFlusher flusher;
  private final SocketIoOptions options;
  private final WebSocketMetrics metrics;

  NamespaceRouter(
      Map<String, Namespace> namespaces,
      ConnectionRegistry connections,
      ConnectionHandler handler,
      HandshakeAuthenticator authenticator,
      WorkerPool pool,
      DeferredFlusher flusher,
      SocketIoOptions options,
      WebSocketMetrics metrics) {
    this.namespaces = Map.copyOf(namespaces);
    this.connections = connections;
    this.handler = handler;
    this.authenticator = authenticator;
    this.pool = pool;
    this.flusher = flusher;
    this.options = options;
    this.metrics = metrics;
  }

  /** Whether the namespace serves a CAP service. */
  boolean serves(String namespace) {
    return namespaces.containsKey(namespace);
  }

  /**
   * An unknown namespace: answered like a Socket.IO v5 server (gap G7); counts as a refused
   * connect.
   */
  void rejectUnknown(Connection connection, String namespace) {
    metrics.connectionRefused(namespace, "unknown-endpoint");
    connection.send(ControlPackets.connectError(namespace, "Invalid namespace"));
    countRefusal(connection);
  }

  /**
   * A new Engine.IO connection (the library's implicit root connect at the handshake): closed
   * unless it has joined, or is still authenticating for, a namespace within {@code
   * connectTimeout}.
   */
  void onEngineOpen(SocketIOClient root) {
    if (!(root instanceof NamespaceClient nc)) {
      return;
    }
    Connection connection = connections.of(nc.getBaseClient());
    pool.schedule(
        () -> {
          if (connection.head().isConnected() && !connection.hasSessions()) {
            LOG.debug("Connection without an open namespace timed out");
            connection.kill(WebSocketCloseStatus.POLICY_VIOLATION);
            connections.release(connection);
          }
        },
        options.connectTimeoutMillis());
  }

  /**
   * A CONNECT to an application namespace: authenticated on the authentication executor, then
   * opened on the session's executor. Over {@code maxNamespaces} joined namespaces the connect is
   * refused; after {@code failedConnectLimit} refusals the whole connection is closed.
   */
  void onConnect(Connection connection, SioPacket packet) {
    String nsp = packet.namespace();
    if (connection.sessionCount() >= options.maxNamespaces()) {
      LOG.info("Connection over {} namespaces refused another one", options.maxNamespaces());
      metrics.connectionRefused(nsp, "limit");
      connection.send(ControlPackets.connectError(nsp, "Too many namespaces"));
      countRefusal(connection);
      return;
    }
    SocketIoSession session =
        new SocketIoSession(
            nsp,
            connection,
            new SerialExecutor(pool, options.sessionQueueSize()),
            flusher,
            options.sendQueueLimit(),
            metrics);
    if (connection.addSession(session) != session) {
      LOG.debug("Duplicate CONNECT for {} ignored", nsp);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> auth = (Map<String, Object>) packet.payload();
    HandshakeRequest request = request(connection.head(), nsp, auth);
    if (!pool.tryAuthenticate(() -> authenticate(session, request))) {
      LOG.warn("Authentication queue full; refusing a connection to {}", nsp);
      metrics.connectionRefused(nsp, "busy");
      session.markClosed("server busy");
      connection.removeSession(session);
      connection.send(ControlPackets.connectError(nsp, "503"));
    }
  }

  private void authenticate(SocketIoSession session, HandshakeRequest request) {
    if (session.isClosed()) {
      return;
    }
    String nsp = session.namespace();
    UserInfo user;
    try {
      user = authenticator.authenticate(request);
    } catch (HandshakeRejectedException e) {
      LOG.info("Connection to {} refused: {}", nsp, LogSafe.text(e.logReason()));
      metrics.connectionRefused(nsp, reason(e));
      refuse(session, e.getMessage());
      return;
    } catch (RuntimeException | LinkageError e) {
      LOG.error("Authentication of a connection to {} failed", nsp, e);
      metrics.connectionRefused(nsp, "error");
      refuse(session, "500");
      return;
    }
    if (!session.executor().offer(() -> open(session, request, user))) {
      LOG.warn("Worker pool saturated; refusing a connection to {}", nsp);
      session.markClosed("server busy");
      session.connection().removeSession(session);
      session.connection().send(ControlPackets.connectError(nsp, "503"));
    }
  }

  private void open(SocketIoSession session, HandshakeRequest request, UserInfo user) {
    if (session.isClosed()) {
      return;
    }
    Connection connection = session.connection();
    String nsp = session.namespace();
    ClientInfo info = new ClientInfo(user, request.queryParam("id"), nsp);
    String refused = handler.refusal(info); // service access (@requires), identifier limit
    if (refused != null) {
      refuse(session, refused);
      return;
    }
    ClientHead head = connection.head();
    NamespaceClient client = head.addNamespaceClient(namespaces.get(nsp));
    if (!session.open(info, client)) {
      client.onDisconnect();
      return;
    }
    connection.send(ControlPackets.connected(nsp, session.socketId()));
    namespaces.get(nsp).onConnect(client);
    try {
      handler.onOpen(session);
    } catch (RuntimeException e) {
      LOG.error("Opening a socket at {} failed", nsp, e);
      handler.onError(session, e);
    }
    if (!head.isConnected()) {
      client.onDisconnect(); // the transport ended while the handshake ran
    }
  }

  /** The metrics reason of a refusal: a fixed word, never the client-visible text. */
  private static String reason(HandshakeRejectedException e) {
    return switch (String.valueOf(e.getMessage())) {
      case HandshakeRejectedException.UNAUTHORIZED -> "unauthorized";
      case "403" -> "forbidden";
      default -> "rejected";
    };
  }

  private void countRefusal(Connection connection) {
    if (connection.connectRefused() >= options.failedConnectLimit()) {
      LOG.info(
          "Closing a connection after {} refused namespace connects", options.failedConnectLimit());
      connection.kill(WebSocketCloseStatus.POLICY_VIOLATION);
    }
  }

  private void refuse(SocketIoSession session, String message) {
    session.markClosed("refused");
    session.connection().removeSession(session);
    session.connection().send(ControlPackets.connectError(session.namespace(), message));
    countRefusal(session.connection());
  }

  /**
   * An event: queued for the session; dropped unless the socket is open (gap G2), also while it is
   * still authenticating (a client sends events only after the server's CONNECT answer).
   */
  void onEvent(Connection connection, SioPacket packet) {
    String nsp = packet.namespace();
    SocketIoSession session = connection.session(nsp);
    if (session == null || !session.isOpen()) {
      LOG.debug("Event for {} without an open socket dropped", nsp);
      return;
    }
    List<?> args = (List<?>) packet.payload();
    String event = String.valueOf(args.get(0));
    Object data = args.size() > 1 ? args.get(1) : null;
    @SuppressWarnings("unchecked")
    Map<String, Object> headers =
        args.size() > 2 && args.get(2) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    Long ackId = packet.ackId();
    boolean queued = session.executor().offer(() -> dispatch(session, event, data, headers, ackId));
    if (!queued) {
      LOG.warn("Worker pool saturated; refusing event {} at {}", LogSafe.text(event), nsp);
      if (ackId != null) {
        connection
            .head()
            .send(ControlPackets.ack(nsp, ackId, ErrorPayload.of(ErrorPayload.UNAVAILABLE, BUSY)));
      }
    }
  }

  private void dispatch(
      SocketIoSession session, String event, Object data, Map<String, Object> headers, Long ackId) {
    if (!session.isOpen()) {
      return; // the handshake failed or the socket left meanwhile
    }
    Ack ack = ackId == null ? null : new Ack(session, ackId);
    try {
      handler.onMessage(session, InboundFrame.event(event, data, headers), ack);
    } catch (RuntimeException e) {
      LOG.error("Event {} at {} failed", LogSafe.text(event), session.namespace(), e);
      handler.onError(session, e);
      if (ack != null) {
        ack.failure(ErrorPayload.of(ErrorPayload.INTERNAL, "Internal server error"));
      }
    }
  }

  /** A binary packet: refused with an error acknowledgement (gap G4, see README). */
  void onBinary(Connection connection, SioPacket packet) {
    LOG.debug("Binary packet for {} refused", packet.namespace());
    SocketIoSession session = connection.session(packet.namespace());
    if (packet.wantsAck() && packet.type() == SioPacket.BINARY_EVENT && session != null) {
      connection
          .head()
          .send(
              ControlPackets.ack(
                  packet.namespace(),
                  packet.ackId(),
                  ErrorPayload.of(
                      415, "Binary data is not supported; send base64-encoded strings")));
    }
  }

  /**
   * The client leaves a namespace. A socket still authenticating is cancelled here; an open one is
   * reported when the library, which receives the packet next, detaches it.
   */
  void onClientDisconnect(Connection connection, String namespace) {
    SocketIoSession session = connection.session(namespace);
    if (session != null && session.cancelIfConnecting("client namespace disconnect")) {
      connection.removeSession(session);
    }
  }

  /** The library detached a socket (client or server disconnect, transport close, ping timeout). */
  void onLibraryDisconnect(SocketIOClient client) {
    Connection connection = connections.get(client.getSessionId());
    if (connection == null) {
      return;
    }
    String nsp = client.getNamespace().getName();
    SocketIoSession session = connection.session(nsp);
    if (session != null) {
      SocketIoSession.State previous = session.markClosed("transport close");
      if (previous == SocketIoSession.State.OPEN) {
        reportClose(connection, session);
      }
    }
    connections.release(connection);
  }

  private void reportClose(Connection connection, SocketIoSession session) {
    connection.removeSession(session);
    session.executor().submit(() -> handler.onClose(session, session.closeReason()));
  }

  private static HandshakeRequest request(ClientHead head, String nsp, Map<String, Object> auth) {
    HandshakeData data = head.getHandshakeData();
    Map<String, String> headers = new HashMap<>();
    data.getHttpHeaders()
        .forEach(e -> headers.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
    return new HandshakeRequest(
        nsp,
        headers,
        data.getUrlParams(),
        auth,
        data.getAddress() == null ? null : data.getAddress().toString());
  }

  /** Sends the result of one event back as its acknowledgement, at most once. */
  private static final class Ack implements AckCallback {
    private final SocketIoSession session;
    private final long ackId;
    private final AtomicBoolean sent = new AtomicBoolean();

    Ack(SocketIoSession session, long ackId) {
      this.session = session;
      this.ackId = ackId;
    }

    @Override
    public void success(Object result) {
      send(result);
    }

    @Override
    public void failure(Object error) {
      send(error);
    }

    /** {@code 43/nsp,<id>[]}, as a Node server acknowledges {@code wsContext}. */
    @Override
    public void successWithoutResult() {
      if (sent.compareAndSet(false, true)) {
        session.connection().send(ControlPackets.emptyAck(session.namespace(), ackId));
      }
    }

    private void send(Object arg) {
      if (sent.compareAndSet(false, true)) {
        session.connection().send(ControlPackets.ack(session.namespace(), ackId, arg));
      }
    }
  }
}
