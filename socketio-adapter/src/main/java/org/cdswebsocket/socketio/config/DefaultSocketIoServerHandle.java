package org.cdswebsocket.socketio.config;

import com.corundumstudio.socketio.SocketIOServer;
import com.sap.cds.services.ServiceDelegator;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.List;
import java.util.Optional;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.cdswebsocket.socketio.auth.CapHandshakeAuthenticator;
import org.cdswebsocket.socketio.auth.MockUserPasswords;
import org.cdswebsocket.socketio.auth.SapJwtValidator;
import org.cdswebsocket.socketio.auth.WebSocketTicketService;
import org.cdswebsocket.socketio.bridge.EngineIoBridge;
import org.cdswebsocket.socketio.server.SocketIoGateway;
import org.cdswebsocket.socketio.server.SocketIoOptions;
import org.cdswebsocket.spi.Endpoint;
import org.cdswebsocket.spi.TransportContext;

/**
 * The {@link SocketIoServerHandle} in CAP's catalog. It builds and starts the {@link
 * SocketIoGateway} when the application is prepared (the core runtime exists by then) and stops it
 * when the application stops. Start and stop are idempotent and synchronized.
 *
 * <p>Two modes over one gateway: same-port (the default; the {@link EngineIoBridge} serves the
 * Engine.IO path in the application's servlet container, users come from its security chain) and
 * standalone (when {@code cds.websocket.port} is set; own port, own authentication with tickets,
 * auth payload and headers).
 */
public final class DefaultSocketIoServerHandle extends ServiceDelegator
    implements SocketIoServerHandle {

  private final CdsRuntime cdsRuntime;
  private final SocketIoOptions options;
  private final WebSocketTicketService tickets;
  private final boolean ownPort;
  private SocketIoGateway gateway;
  private EngineIoBridge bridge;

  DefaultSocketIoServerHandle(
      CdsRuntime cdsRuntime,
      SocketIoOptions options,
      WebSocketTicketService tickets,
      boolean ownPort) {
    super(DEFAULT_NAME);
    this.cdsRuntime = cdsRuntime;
    this.options = options;
    this.tickets = tickets;
    this.ownPort = ownPort;
  }

  /**
   * Whether the server binds its own port ({@code cds.websocket.port} set) instead of the app's.
   */
  public boolean ownPort() {
    return ownPort;
  }

  /** The options the server runs with. */
  public SocketIoOptions options() {
    return options;
  }

  /** The same-port entry for the servlet, while the server runs in same-port mode. */
  public synchronized Optional<EngineIoBridge> bridge() {
    return bridge != null && bridge.isRunning() ? Optional.of(bridge) : Optional.empty();
  }

  /** Starts the server unless it runs already. */
  synchronized void start() {
    if (gateway != null) {
      return;
    }
    TransportContext context = TransportContext.of(cdsRuntime).orElseThrow();
    List<String> namespaces = context.endpoints().stream().map(Endpoint::path).toList();
    SocketIoGateway created;
    EngineIoBridge sharedPort = null;
    if (ownPort) {
      CapHandshakeAuthenticator authenticator =
          new CapHandshakeAuthenticator(
              cdsRuntime,
              new MockUserPasswords(cdsRuntime.getEnvironment()),
              SapJwtValidator.createIfAvailable(),
              tickets);
      created =
          new SocketIoGateway(
              options,
              namespaces,
              context.connectionHandler(),
              authenticator,
              context.metrics(),
              SocketIOServer::new);
    } else {
      sharedPort = new EngineIoBridge(options);
      created =
          new SocketIoGateway(
              options,
              namespaces,
              context.connectionHandler(),
              sharedPort.authenticator(),
              context.metrics(),
              sharedPort::createServer);
    }
    created.start();
    gateway = created;
    bridge = sharedPort;
  }

  /**
   * Stops the server if it runs (idempotent): clients are disconnected. Called when the application
   * stops, and in same-port mode already before the web server's graceful shutdown, which would
   * otherwise wait for the open long-polling requests.
   */
  public synchronized void stop() {
    if (gateway != null) {
      try {
        gateway.stop();
      } finally {
        gateway = null;
        bridge = null;
      }
    }
  }

  @Override
  public synchronized int port() {
    return gateway == null ? -1 : gateway.port();
  }

  @Override
  public synchronized boolean isRunning() {
    return gateway != null && gateway.isRunning();
  }

  @Override
  public WebSocketTicketService tickets() {
    return tickets;
  }

  @Override
  public synchronized Optional<SocketIOServer> nativeServer() {
    return gateway == null ? Optional.empty() : Optional.of(gateway.nativeServer());
  }
}
