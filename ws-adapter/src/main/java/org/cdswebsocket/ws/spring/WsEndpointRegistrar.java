package org.cdswebsocket.ws.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import org.cdswebsocket.spi.Endpoint;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.spi.WebSocketSettings;
import org.cdswebsocket.ws.endpoint.CoreEndpoint;
import org.cdswebsocket.ws.endpoint.SendScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.context.ServletContextAware;

/**
 * Registers one Jakarta endpoint per websocket path in the embedded servlet container, once all
 * singletons (the CAP runtime included) exist.
 *
 * <p>Registration happens from {@link SmartInitializingSingleton} because the container's {@link
 * ServerContainer} is not yet available to servlet-context initialisers. Errors: a path the
 * container refuses fails start-up; a servlet context without WebSocket support (a mock environment
 * in tests) is logged and skipped.
 */
public final class WsEndpointRegistrar
    implements ServletContextAware, SmartInitializingSingleton, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(WsEndpointRegistrar.class);

  private final CdsRuntime cdsRuntime;
  private ServletContext servletContext;
  private SendScheduler scheduler;

  public WsEndpointRegistrar(CdsRuntime cdsRuntime) {
    this.cdsRuntime = cdsRuntime;
  }

  @Override
  public void setServletContext(ServletContext servletContext) {
    this.servletContext = servletContext;
  }

  @Override
  public void afterSingletonsInstantiated() {
    TransportContext context = TransportContext.of(cdsRuntime).orElse(null);
    if (context == null) {
      LOG.info("cds-websocket is disabled; no websocket endpoints registered");
      return;
    }
    if (context.endpoints().isEmpty()) {
      LOG.info("No websocket-enabled services in the model; no websocket endpoints registered");
      return;
    }
    ServerContainer container =
        (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
    if (container == null) {
      // A mock servlet environment (e.g. @SpringBootTest without a port) has no container;
      // an application test must still start there.
      LOG.warn(
          "The servlet container has no WebSocket support (mock environment?); websocket"
              + " endpoints are not registered");
      return;
    }
    WebSocketSettings settings = context.settings();
    CoreEndpoint.lowerContainerBuffers(container);
    scheduler = new SendScheduler(settings.ws().senderThreads());
    CoreEndpoint endpoint =
        new CoreEndpoint(
            context.connectionHandler(),
            scheduler,
            settings.maxMessageBytes(),
            settings.sendQueueLimit(),
            settings.ws().sendTimeoutMillis(),
            context.metrics());
    for (Endpoint serviceEndpoint : context.endpoints()) {
      try {
        container.addEndpoint(
            endpoint.configFor(serviceEndpoint.path(), cdsRuntime, serviceEndpoint.subprotocols()));
        LOG.info(
            "WebSocket endpoint {} serves {}",
            serviceEndpoint.path(),
            serviceEndpoint.serviceName());
      } catch (DeploymentException e) {
        throw new IllegalStateException(
            "Cannot register websocket endpoint " + serviceEndpoint.path(), e);
      }
    }
  }

  @Override
  public void destroy() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }
}
