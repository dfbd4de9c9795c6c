package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cdswebsocket.socketio.auth.HandshakeAuthenticator;
import org.cdswebsocket.socketio.worker.WorkerPool;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.WebSocketMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO server of kind {@code socket.io}: a netty-socketio {@link SocketIOServer} on its
 * own port, one namespace per websocket endpoint path, configured and wrapped so that the library's
 * defects (G1-G14 in the shared netty-socketio notes) do not reach applications.
 *
 * <p>Mandatory library settings: random session ids (G11), manual acknowledgements (G6), no
 * permessage-deflate unless configured (G13). Every client packet passes the adapter's {@link
 * PacketGate}; CAP work runs on the adapter's bounded {@link WorkerPool}, never on Netty threads.
 *
 * <pre>{@code
 * SocketIoGateway gateway = new SocketIoGateway(options, List.of("/ws/chat"), handler, auth);
 * gateway.start();
 * int port = gateway.port();
 * ...
 * gateway.stop();
 * }</pre>
 *
 * <p>Lifecycle: {@link #start()} once, {@link #stop()} once; not restartable (create a new
 * instance). Thread-safe after start.
 */
public final class SocketIoGateway {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoGateway.class);
  private static final long WORKER_SHUTDOWN_MILLIS = 5_000;

  private final SocketIoOptions options;
  private final SocketIOServer server;
  private final WorkerPool pool;
  private final ConnectionRegistry connections;
  private volatile int port = -1;
  private volatile boolean running;

  /**
   * @param options the server settings
   * @param namespaces the namespaces to serve, e.g. {@code /ws/chat}
   * @param handler core's handler, called for every socket open, message and close
   * @param authenticator decides who may connect to a namespace
   */
  public SocketIoGateway(
      SocketIoOptions options,
      Collection<String> namespaces,
      ConnectionHandler handler,
      HandshakeAuthenticator authenticator) {
    this(options, namespaces, handler, authenticator, WebSocketMetrics.NONE, SocketIOServer::new);
  }

  /**
   * A gateway on a library server made by {@code serverFactory}: a server that binds its own port
   * ({@link SocketIOServer}, standalone mode) or one whose connections come from the application's
   * servlet container (same-port mode). Everything else is the same code path.
   *
   * @param options the server settings
   * @param namespaces the namespaces to serve, e.g. {@code /ws/chat}
   * @param handler core's handler, called for every socket open, message and close
   * @param authenticator decides who may connect to a namespace
   * @param metrics where refusals, slow consumers and the queues (gauges) are reported
   * @param serverFactory creates the library server from the adapter's library configuration
   */
  public SocketIoGateway(
      SocketIoOptions options,
      Collection<String> namespaces,
      ConnectionHandler handler,
      HandshakeAuthenticator authenticator,
      WebSocketMetrics metrics,
      Function<Configuration, SocketIOServer> serverFactory) {
    this.options = options;
    this.server = serverFactory.apply(configuration(options));
    this.pool =
        new WorkerPool(
            options.workerThreads(),
            options.workerQueueSize(),
            options.authThreads(),
            options.authQueueSize());
    this.connections = new ConnectionRegistry(options.sendQueueLimit());
    Map<String, Namespace> served = new LinkedHashMap<>();
    for (String path : namespaces) {
      served.put(path, (Namespace) server.addNamespace(path));
    }
    NamespaceRouter router =
        new NamespaceRouter(
            served,
            connections,
            handler,
            authenticator,
            pool,
            new DeferredFlusher(),
            options,
            metrics);
    metrics.workerQueueDepth(pool::queued);
    metrics.sendQueueDepth(connections::pendingWrites);
    served.values().forEach(ns -> ns.addDisconnectListener(router::onLibraryDisconnect));
    server.getNamespace(Namespace.DEFAULT_NAME).addConnectListener(router::onEngineOpen);
    server
        .getNamespace(Namespace.DEFAULT_NAME)
        .addDisconnectListener(
            client -> {
              var connection = connections.get(client.getSessionId());
              if (connection != null) {
                connections.release(connection);
              }
            });
    server.setPipelineFactory(
        new GatewayChannelInitializer(
            new HandshakeGuard(options, connections),
            new PacketGate(connections, router),
            options.maxHttpContentLength()));
  }

  static Configuration configuration(SocketIoOptions options) {
    Configuration cfg = new Configuration();
    cfg.setHostname(options.hostname());
    cfg.setPort(options.port());
    cfg.setContext(options.context());
    cfg.setPingInterval(options.pingIntervalMillis());
    cfg.setPingTimeout(options.pingTimeoutMillis());
    cfg.setMaxFramePayloadLength(options.maxFramePayloadLength());
    cfg.setMaxHttpContentLength(options.maxHttpContentLength());
    cfg.setTransports(
        options.transports().stream()
            .map(t -> t.equals("websocket") ? Transport.WEBSOCKET : Transport.POLLING)
            .toArray(Transport[]::new));
    cfg.setRandomSession(true); // G11: never let clients choose their session id
    cfg.setAckMode(AckMode.MANUAL); // G6: acknowledgements are sent when CAP has answered
    cfg.setWebsocketCompression(options.compression()); // G13
    cfg.setHttpCompression(false);
    cfg.setJsonSupport(new NullPreservingJsonSupport());
    cfg.setAddVersionHeader(false);
    cfg.setEnableCors(false); // the HandshakeGuard answers CORS for accepted origins only
    SocketConfig socket = new SocketConfig();
    socket.setReuseAddress(true);
    socket.setTcpNoDelay(true);
    cfg.setSocketConfig(socket);
    return cfg;
  }

  /**
   * Binds the port and starts serving.
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public void start() {
    var started = server.startAsync().syncUninterruptibly();
    running = true;
    if (!(started instanceof ChannelFuture bound)) {
      LOG.info(
          "Socket.IO served on the application's port (path {}) for namespaces {}",
          options.context(),
          namespaceNames());
      return;
    }
    port = ((InetSocketAddress) bound.channel().localAddress()).getPort();
    LOG.info(
        "Socket.IO server listening on port {} (path {}) for namespaces {}",
        port,
        options.context(),
        namespaceNames());
  }

  private List<String> namespaceNames() {
    return server.getAllNamespaces().stream()
        .map(ns -> ns.getName())
        .filter(n -> !n.isEmpty())
        .sorted()
        .toList();
  }

  /** Stops accepting connections, closes every client and waits a bounded time for workers. */
  public void stop() {
    try {
      server.stop();
    } finally {
      pool.shutdown(WORKER_SHUTDOWN_MILLIS);
      port = -1;
      running = false;
      LOG.info("Socket.IO server stopped");
    }
  }

  /** The bound port, or -1 when the server is not running or binds no port (same-port mode). */
  public int port() {
    return port;
  }

  /** Whether the server is running. */
  public boolean isRunning() {
    return running;
  }

  /** The library server, for applications that need its API (rooms, raw events). */
  public SocketIOServer nativeServer() {
    return server;
  }

  /** The number of live Engine.IO connections known to the adapter (for tests and metrics). */
  public int connectionCount() {
    return connections.size();
  }
}
