package org.cdswebsocket.example.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Serves the chat page and its scripts without authentication; the user logs in on the page, and
 * the websocket upgrade itself stays protected by CAP's security configuration. {@code /error} is
 * open too, so that a missing static file is a 404 and not a Basic login challenge.
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
