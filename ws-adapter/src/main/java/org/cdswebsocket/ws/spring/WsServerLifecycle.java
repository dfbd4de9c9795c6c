package org.cdswebsocket.ws.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.spi.WebSocketSettings;
import org.cdswebsocket.ws.endpoint.WsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the kind ws {@link WsServer} once all singletons (the CAP runtime included) exist, and
 * stops it with the application.
 *
 * <p>Until then, and when the library is disabled or the model has no websocket service, {@link
 * #server()} is {@code null} and upgrade requests pass to the application unchanged. Thread-safe:
 * the server is published through a volatile field.
 */
public final class WsServerLifecycle implements SmartInitializingSingleton, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(WsServerLifecycle.class);

  private final CdsRuntime cdsRuntime;
  private volatile WsServer server;

  public WsServerLifecycle(CdsRuntime cdsRuntime) {
    this.cdsRuntime = cdsRuntime;
  }

  /** The running server, or {@code null} when there is none (see the class comment). */
  public WsServer server() {
    return server;
  }

  @Override
  public void afterSingletonsInstantiated() {
    TransportContext context = TransportContext.of(cdsRuntime).orElse(null);
    if (context == null) {
      LOG.info("cds-websocket is disabled; no websocket endpoints served");
      return;
    }
    if (context.endpoints().isEmpty()) {
      LOG.info("No websocket-enabled services in the model; no websocket endpoints served");
      return;
    }
    WebSocketSettings settings = context.settings();
    server =
        new WsServer(
            context.connectionHandler(),
            context.endpoints(),
            settings.ws().senderThreads(),
            settings.maxMessageBytes(),
            settings.sendQueueLimit(),
            settings.ws().sendTimeoutMillis(),
            context.metrics());
    context
        .endpoints()
        .forEach(
            endpoint ->
                LOG.info(
                    "WebSocket endpoint {} serves {}", endpoint.path(), endpoint.serviceName()));
  }

  @Override
  public void destroy() {
    WsServer running = server;
    if (running != null) {
      running.shutdown();
    }
  }
}
