package org.cdswebsocket.socketio;

import com.corundumstudio.socketio.SocketIOServer;
import com.sap.cds.services.Service;
import java.util.Optional;
import org.cdswebsocket.socketio.auth.WebSocketTicketService;

/**
 * The running Socket.IO server of kind {@code socket.io}, registered in CAP's service catalog under
 * {@link #DEFAULT_NAME} whenever {@code cds.websocket.kind} is {@code socket.io}.
 *
 * <pre>{@code
 * SocketIoServerHandle handle = runtime.getServiceCatalog()
 *     .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
 * int port = handle.port(); // the bound port, also when cds.websocket.port is 0
 * String ticket = handle.tickets().issue(userInfo);
 * }</pre>
 *
 * <p>Lifecycle: the server starts when CAP emits {@code APPLICATION_PREPARED} and stops on {@code
 * APPLICATION_STOPPED}. Thread-safe.
 */
public interface SocketIoServerHandle extends Service {

  /** The name of the service in the catalog. */
  String DEFAULT_NAME = "cds.websocket.SocketIoServer";

  /** The bound port, or -1 while the server is not running. */
  int port();

  /** Whether the server is accepting connections. */
  boolean isRunning();

  /** Issues the one-time tickets browsers can connect with ({@code auth: {ticket}}). */
  WebSocketTicketService tickets();

  /** The netty-socketio server while running, for features the adapter does not offer. */
  Optional<SocketIOServer> nativeServer();
}
