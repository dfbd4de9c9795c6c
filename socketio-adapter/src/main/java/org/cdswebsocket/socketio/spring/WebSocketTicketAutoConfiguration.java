package org.cdswebsocket.socketio.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Registers {@link WebSocketTicketController} ({@code GET /ws-ticket}) in Spring Boot servlet
 * applications that run kind {@code socket.io}.
 *
 * <p>Why: the Socket.IO server listens on its own Netty port, outside the servlet filter chain, so
 * a browser page cannot reuse the session or login it has with the app. The endpoint runs inside
 * the app's Spring Security chain (CAP protects every non-CAP path by default, {@code
 * cds.security.authentication.authenticate-unknown-endpoints}), converts the authenticated request
 * into a short-lived one-time ticket, and the page connects with {@code auth: {ticket}}.
 *
 * <p>Switch it off with {@code cds.websocket.ticket.endpoint.enabled: false}; move it with {@code
 * cds.websocket.ticket.endpoint.path}. An application bean of type {@link
 * WebSocketTicketController} replaces it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, CdsRuntime.class})
@Conditional(SocketIoKindCondition.class)
@ConditionalOnExpression("!'${cds.websocket.port:}'.isBlank()") // tickets: standalone port only
@ConditionalOnProperty(
    name = "cds.websocket.ticket.endpoint.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class WebSocketTicketAutoConfiguration {

  /** The endpoint; the CAP runtime is looked up per request, after CAP's own configuration. */
  @Bean
  @ConditionalOnMissingBean
  public WebSocketTicketController webSocketTicketController(ObjectProvider<CdsRuntime> runtime) {
    return new WebSocketTicketController(runtime::getObject);
  }
}
