package org.cdswebsocket.ws.spring;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet filter that acts on WebSocket upgrade requests only ({@code Upgrade: websocket}, in any
 * case); every other request passes unchanged. The base of the adapter's origin, cookie and
 * admission filters. Thread-safety is that of the subclass.
 */
abstract class UpgradeFilter implements Filter {

  @Override
  public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if ("websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
      filterUpgrade(http, (HttpServletResponse) response, chain);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** Handles one upgrade request: answers it, or passes it (possibly wrapped) down the chain. */
  abstract void filterUpgrade(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException;
}
