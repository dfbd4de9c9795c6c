package org.cdswebsocket.example.chat;

import org.cdswebsocket.ws.spring.AuthCookieFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Development aid of the chat example for kind socket.io on the app's port: browsers cannot set an
 * {@code Authorization} header on a websocket upgrade, so the page's typed mock-user credentials
 * travel in the {@code X-Authorization} cookie, which this filter (before the security chain) turns
 * into the header for upgrades of the Engine.IO path only. Polling requests carry the header
 * itself. Never for production: there the approuter's session or token authenticates.
 */
@Configuration
@ConditionalOnProperty(name = "cds.websocket.kind", havingValue = "socket.io")
public class SocketIoAuthCookie {

  @Bean
  FilterRegistrationBean<AuthCookieFilter> socketIoAuthCookieFilter() {
    FilterRegistrationBean<AuthCookieFilter> registration =
        new FilterRegistrationBean<>(new AuthCookieFilter());
    registration.addUrlPatterns("/socket.io/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }
}
