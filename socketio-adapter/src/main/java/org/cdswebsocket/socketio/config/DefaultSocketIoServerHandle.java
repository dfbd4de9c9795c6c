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
import org.cdswebsocket.socketio.server.SocketIoGateway;
import org.cdswebsocket.socketio.server.SocketIoOptions;
import org.cdswebsocket.spi.Endpoint;
import org.cdswebsocket.spi.TransportContext;

/**
 * The {@link SocketIoServerHandle} in CAP's catalog. It builds and starts the {@link
 * SocketIoGateway} when the application is prepared (the core runtime exists by then) and stops it
 * when the application stops. Start and stop are idempotent and synchronized.
 */
public final class DefaultSocketIoServerHandle extends ServiceDelegator
    implements SocketIoServerHandle {

  private final CdsRuntime cdsRuntime;
  private final SocketIoOptions options;
  private final WebSocketTicketService tickets;
  private SocketIoGateway gateway;

  DefaultSocketIoServerHandle(
      CdsRuntime cdsRuntime, SocketIoOptions options, WebSocketTicketService tickets) {
    super(DEFAULT_NAME);
    this.cdsRuntime = cdsRuntime;
    this.options = options;
    this.tickets = tickets;
  }

  /** Starts the server unless it runs already. */
  synchronized void start() {
    if (gateway != null) {
      return;
    }
    TransportContext context = TransportContext.of(cdsRuntime).orElseThrow();
    List<String> namespaces = context.endpoints().stream().map(Endpoint::path).toList();
    CapHandshakeAuthenticator authenticator =
        new CapHandshakeAuthenticator(
            cdsRuntime,
            new MockUserPasswords(cdsRuntime.getEnvironment()),
            SapJwtValidator.createIfAvailable(),
            tickets);
    SocketIoGateway created =
        new SocketIoGateway(
            options, namespaces, context.connectionHandler(), authenticator, context.metrics());
    created.start();
    gateway = created;
  }

  /** Stops the server if it runs. */
  synchronized void stop() {
    if (gateway != null) {
      try {
        gateway.stop();
      } finally {
        gateway = null;
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
