package org.cdswebsocket.ws.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import jakarta.websocket.server.ServerContainer;
import org.cdswebsocket.spi.CapMockUsers;
import org.cdswebsocket.spi.OriginPolicy;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spring Boot auto-configuration of kind {@code ws}, active when {@code cds.websocket.kind} is
 * {@code ws} (the default) in a servlet web application.
 *
 * <p>Beans: the endpoint registrar, the filter that refuses upgrades from foreign origins (first),
 * the filter that refuses anonymous upgrades (after the security chain), and, while CAP mock users
 * are active, the {@code X-Authorization} cookie filter (before the security chain). Properties:
 * {@code cds.websocket.ws.sender-threads} (default 2), {@code cds.websocket.ws.send-timeout} in ms
 * (default 10000), {@code cds.websocket.auth-cookie}, {@code cds.websocket.allowed-origins}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ServerContainer.class, CdsRuntime.class})
@ConditionalOnExpression(
    "'${cds.websocket.kind:ws}' == 'ws' and '${cds.websocket.enabled:true}' == 'true'")
public class WsAutoConfiguration {

  private static final String ALL_PATHS = "/*";

  @Bean
  WsEndpointRegistrar cdsWebSocketEndpointRegistrar(CdsRuntime runtime, Environment env) {
    return new WsEndpointRegistrar(
        runtime,
        env.getProperty("cds.websocket.ws.sender-threads", Integer.class, 2),
        env.getProperty("cds.websocket.ws.send-timeout", Long.class, 10_000L));
  }

  @Bean
  FilterRegistrationBean<UpgradeAuthenticationFilter> cdsWebSocketUpgradeAuthenticationFilter(
      CdsRuntime runtime) {
    FilterRegistrationBean<UpgradeAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new UpgradeAuthenticationFilter(runtime));
    registration.addUrlPatterns(ALL_PATHS);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AuthCookieFilter> cdsWebSocketAuthCookieFilter(
      CdsRuntime runtime, Environment env) {
    boolean mockUsers = CapMockUsers.active(runtime.getEnvironment());
    FilterRegistrationBean<AuthCookieFilter> registration =
        new FilterRegistrationBean<>(new AuthCookieFilter());
    registration.addUrlPatterns(ALL_PATHS);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    registration.setEnabled(
        mockUsers && env.getProperty("cds.websocket.auth-cookie", Boolean.class, true));
    return registration;
  }

  @Bean
  FilterRegistrationBean<OriginFilter> cdsWebSocketOriginFilter(Environment env) {
    FilterRegistrationBean<OriginFilter> registration =
        new FilterRegistrationBean<>(
            new OriginFilter(
                new OriginPolicy(OriginPolicy.parse(allowedOrigins(env)), /* anyPort= */ false)));
    registration.addUrlPatterns(ALL_PATHS);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
    return registration;
  }

  /** {@code cds.websocket.allowed-origins}: a YAML list or a comma-separated string. */
  private static Object allowedOrigins(Environment env) {
    String joined = env.getProperty(OriginPolicy.SETTING);
    if (joined != null) {
      return joined;
    }
    java.util.List<String> values = new java.util.ArrayList<>();
    for (int i = 0; ; i++) {
      String v = env.getProperty(OriginPolicy.SETTING + "[" + i + "]");
      if (v == null) {
        return values;
      }
      values.add(v);
    }
  }
}
