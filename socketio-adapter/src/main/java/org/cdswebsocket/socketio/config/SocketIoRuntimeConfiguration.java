package org.cdswebsocket.socketio.config;

import com.sap.cds.services.runtime.CdsRuntime;
import com.sap.cds.services.runtime.CdsRuntimeConfiguration;
import com.sap.cds.services.runtime.CdsRuntimeConfigurer;
import java.time.Clock;
import java.time.Duration;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.cdswebsocket.socketio.auth.SocketIoAuthenticationInfoProvider;
import org.cdswebsocket.socketio.auth.WebSocketTicketService;
import org.cdswebsocket.socketio.server.SocketIoOptions;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.spi.WebSocketKind;
import org.cdswebsocket.spi.WebSocketSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the socket.io adapter, found by CAP through {@link
 * java.util.ServiceLoader}. Active only when {@code cds.websocket.kind} is {@code socket.io} (and
 * cds-websocket is enabled); every skipped branch is logged.
 *
 * <ul>
 *   <li>services: registers the {@link SocketIoServerHandle} (port, tickets);
 *   <li>event handlers: start on {@code APPLICATION_PREPARED}, stop on {@code APPLICATION_STOPPED};
 *   <li>providers: the {@link SocketIoAuthenticationInfoProvider}, through which CAP's user
 *       providers see the credentials of a Socket.IO handshake.
 * </ul>
 *
 * <p>Options are validated in the services phase, so that a wrong setting fails the start with a
 * clear message.
 */
public class SocketIoRuntimeConfiguration implements CdsRuntimeConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoRuntimeConfiguration.class);

  @Override
  public int order() {
    return 100; // after core's configuration
  }

  @Override
  public void services(CdsRuntimeConfigurer configurer) {
    CdsRuntime runtime = configurer.getCdsRuntime();
    if (!active(runtime)) {
      return;
    }
    WebSocketSettings settings = TransportContext.settings(runtime).orElseThrow();
    SocketIoOptions options = SocketIoOptions.from(settings);
    Duration ttl = Duration.ofSeconds(settings.socketIo().ticketTtlSeconds());
    configurer.service(
        new DefaultSocketIoServerHandle(
            runtime,
            options,
            new WebSocketTicketService(ttl, 100_000, Clock.systemUTC()),
            settings.socketIo().standalone()));
  }

  @Override
  public void eventHandlers(CdsRuntimeConfigurer configurer) {
    DefaultSocketIoServerHandle handle = handle(configurer.getCdsRuntime());
    if (handle != null) {
      configurer.eventHandler(new SocketIoLifecycleHandler(handle));
    }
  }

  @Override
  public void providers(CdsRuntimeConfigurer configurer) {
    if (handle(configurer.getCdsRuntime()) != null) {
      configurer.provider(new SocketIoAuthenticationInfoProvider());
    }
  }

  private static DefaultSocketIoServerHandle handle(CdsRuntime runtime) {
    return (DefaultSocketIoServerHandle)
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
  }

  private static boolean active(CdsRuntime runtime) {
    WebSocketSettings settings = TransportContext.settings(runtime).orElse(null);
    if (settings == null) {
      LOG.debug("cds-websocket is disabled; no Socket.IO server");
      return false;
    }
    if (settings.kind() != WebSocketKind.SOCKET_IO) {
      LOG.debug("cds.websocket.kind is {}; no Socket.IO server", settings.kind());
      return false;
    }
    return true;
  }
}
