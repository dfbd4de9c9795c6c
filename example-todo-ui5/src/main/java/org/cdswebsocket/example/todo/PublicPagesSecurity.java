package org.cdswebsocket.example.todo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Serves the OpenUI5 page, its resources and its configuration without authentication: the user
 * logs in on the page, and the Socket.IO handshake checks the credentials. Every other path keeps
 * CAP's security configuration.
 *
 * <p>{@code /error} is public too: Spring Boot forwards a missing file there, and behind CAP's
 * security a 404 would turn into a 401 Basic challenge, which a browser answers with a login prompt
 * (headless: a request that never ends) instead of the plain 404 UI5 expects for optional
 * resources.
 */
@Configuration
public class PublicPagesSecurity {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
    return http.securityMatcher("/", "/index.html", "/app/**", "/favicon.ico", "/error")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }
}
