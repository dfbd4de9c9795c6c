package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.sap.cds.services.request.UserInfo;
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
import org.cdswebsocket.spi.WebSocketMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns validated Socket.IO packets of the application namespaces into calls of core's {@link
 * ConnectionHandler}: namespace CONNECT (authenticate, then acknowledge and open the session),
 * events (to {@code onMessage}, with the acknowledgement), binary packets (refused) and disconnects
 * (to {@code onClose}).
 *
 * <p>Threading: the {@code on*} packet methods run on Netty event loops and only queue work; all
 * authentication and core calls run on the session's {@link SerialExecutor} over the {@link
 * WorkerPool}, in the order the client sent its packets. A saturated pool answers events with the
 * error acknowledgement {@code {"error":{"code":503,...}}} and connects with {@code
 * 44/nsp,{"message":"503"}}.
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

  /** An unknown namespace: answered like a Socket.IO v5 server (gap G7). */
  void rejectUnknown(Connection connection, String namespace) {
    metrics.connectionRefused(namespace, "unknown-endpoint");
    connection.head().send(ControlPackets.connectError(namespace, "Invalid namespace"));
  }

  /** A CONNECT to an application namespace: authenticate on a worker, then open. */
  void onConnect(Connection connection, SioPacket packet) {
    String nsp = packet.namespace();
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
    if (!session.executor().offer(() -> open(session, request))) {
      LOG.warn("Worker pool saturated; refusing connection to {}", nsp);
      metrics.connectionRefused(nsp, "busy");
      session.markClosed("server busy");
      connection.removeSession(session);
      connection.head().send(ControlPackets.connectError(nsp, "503"));
    }
  }

  private void open(SocketIoSession session, HandshakeRequest request) {
    if (session.isClosed()) {
      return;
    }
    Connection connection = session.connection();
    String nsp = session.namespace();
    UserInfo user;
    try {
      user = authenticator.authenticate(request);
    } catch (HandshakeRejectedException e) {
      LOG.info("Connection to {} from {} refused: {}", nsp, request.remoteAddress(), e.logReason());
      metrics.connectionRefused(nsp, reason(e));
      refuse(session, e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.error("Authentication of a connection to {} failed", nsp, e);
      metrics.connectionRefused(nsp, "error");
      refuse(session, "500");
      return;
    }
    ClientHead head = connection.head();
    NamespaceClient client = head.addNamespaceClient(namespaces.get(nsp));
    if (!session.open(new ClientInfo(user, request.queryParam("id"), nsp), client)) {
      client.onDisconnect();
      return;
    }
    head.send(ControlPackets.connected(nsp, session.socketId()));
    namespaces.get(nsp).onConnect(client);
    try {
      handler.onOpen(session);
    } catch (RuntimeException e) {
      LOG.error("Opening socket {} at {} failed", session.id(), nsp, e);
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

  private void refuse(SocketIoSession session, String message) {
    session.markClosed("refused");
    session.connection().removeSession(session);
    session.connection().head().send(ControlPackets.connectError(session.namespace(), message));
  }

  /** An event: queued for the session, dropped if the socket is not connected (gap G2). */
  void onEvent(Connection connection, SioPacket packet) {
    String nsp = packet.namespace();
    SocketIoSession session = connection.session(nsp);
    if (session == null || session.isClosed()) {
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
      LOG.warn("Worker pool saturated; refusing event '{}' of socket {}", event, session.id());
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
      LOG.error("Event '{}' of socket {} failed", event, session.id(), e);
      handler.onError(session, e);
      if (ack != null) {
        ack.failure(ErrorPayload.of(ErrorPayload.INTERNAL, "Internal server error"));
      }
    }
  }

  /** A binary packet: refused with an error acknowledgement (gap G4, see README). */
  void onBinary(Connection connection, SioPacket packet) {
    LOG.info("Binary packet for {} refused", packet.namespace());
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
        session.connection().head().send(ControlPackets.emptyAck(session.namespace(), ackId));
      }
    }

    private void send(Object arg) {
      if (sent.compareAndSet(false, true)) {
        session.connection().head().send(ControlPackets.ack(session.namespace(), ackId, arg));
      }
    }
  }
}
