package org.cdswebsocket.ws.spring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cdswebsocket.spi.LogSafe;
import org.cdswebsocket.spi.OriginPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses WebSocket upgrades from foreign browser origins with HTTP 403, before authentication and
 * before the upgrade (cross-site WebSocket hijacking: a foreign page would otherwise open a socket
 * with the victim's cookies). The decision is the {@link OriginPolicy}'s: same origin, the
 * configured {@code cds.websocket.allowed-origins}, or no {@code Origin} header (non-browser
 * client). Requests that are no upgrades pass unchanged.
 *
 * <p>Stateless and thread-safe; runs first in the filter chain.
 */
public final class OriginFilter extends UpgradeFilter {

  private static final Logger LOG = LoggerFactory.getLogger(OriginFilter.class);

  private final OriginPolicy policy;

  public OriginFilter(OriginPolicy policy) {
    this.policy = policy;
  }

  @Override
  void filterUpgrade(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!policy.allows(
        http.getHeader("Origin"),
        http.getScheme(),
        http.getHeader("Host"),
        http.getHeader("X-Forwarded-Proto"),
        http.getHeader("X-Forwarded-Host"))) {
      LOG.info(
          "WebSocket upgrade from origin {} refused (not in {})",
          LogSafe.text(http.getHeader("Origin")),
          "cds.websocket.allowed-origins");
      // no sendError: its error dispatch would pass the security chain again and answer 401
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Origin not allowed");
      return;
    }
    chain.doFilter(http, response);
  }
}
