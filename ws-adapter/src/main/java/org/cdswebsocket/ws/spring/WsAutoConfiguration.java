package org.cdswebsocket.ws.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.util.List;
import org.cdswebsocket.spi.CapMockUsers;
import org.cdswebsocket.spi.OriginPolicy;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.spi.WebSocketSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Spring Boot auto-configuration of kind {@code ws}, active when {@code cds.websocket.kind} is
 * {@code ws} (the default) in a servlet web application.
 *
 * <p>Beans: the server's lifecycle, the filter that refuses upgrades from foreign origins (first),
 * the filter that refuses upgrades of anonymous users (401) and of users without access to the
 * service (403) and upgrades the admitted ones (after the security chain), and, while CAP mock
 * users are active, the {@code X-Authorization} cookie filter (before the security chain).
 * Properties: {@code cds.websocket.ws.sender-threads} (default 2), {@code
 * cds.websocket.ws.send-timeout} in ms (default 10000), {@code cds.websocket.auth-cookie}, {@code
 * cds.websocket.allowed-origins}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpUpgradeHandler.class, CdsRuntime.class})
@Conditional(WsKindCondition.class)
public class WsAutoConfiguration {

  private static final String ALL_PATHS = "/*";

  @Bean
  WsServerLifecycle cdsWebSocketServer(CdsRuntime runtime) {
    return new WsServerLifecycle(runtime);
  }

  @Bean
  FilterRegistrationBean<UpgradeAdmissionFilter> cdsWebSocketUpgradeAdmissionFilter(
      CdsRuntime runtime, WsServerLifecycle lifecycle) {
    FilterRegistrationBean<UpgradeAdmissionFilter> registration =
        new FilterRegistrationBean<>(new UpgradeAdmissionFilter(runtime, lifecycle));
    registration.addUrlPatterns(ALL_PATHS);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AuthCookieFilter> cdsWebSocketAuthCookieFilter(CdsRuntime runtime) {
    boolean mockUsers = CapMockUsers.active(runtime.getEnvironment());
    Boolean configured =
        TransportContext.settings(runtime).map(s -> s.ws().authCookie()).orElse(null);
    FilterRegistrationBean<AuthCookieFilter> registration =
        new FilterRegistrationBean<>(new AuthCookieFilter());
    registration.addUrlPatterns(ALL_PATHS);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    registration.setEnabled(mockUsers && !Boolean.FALSE.equals(configured));
    return registration;
  }

  @Bean
  FilterRegistrationBean<OriginFilter> cdsWebSocketOriginFilter(CdsRuntime runtime) {
    List<String> allowed =
        TransportContext.settings(runtime).map(WebSocketSettings::allowedOrigins).orElse(List.of());
    OriginPolicy policy = new OriginPolicy(allowed, false);
    FilterRegistrationBean<OriginFilter> registration =
        new FilterRegistrationBean<>(new OriginFilter(policy));
    registration.addUrlPatterns(ALL_PATHS);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
    return registration;
  }
}
