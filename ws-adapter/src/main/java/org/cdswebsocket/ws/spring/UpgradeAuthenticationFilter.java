package org.cdswebsocket.ws.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cdswebsocket.spi.CapMockUsers;

/**
 * Refuses WebSocket upgrades of unauthenticated users with HTTP 401, also where the application
 * opened the path to anonymous users: a socket carries the user of its handshake into every call,
 * and an anonymous user would pass unannotated services. Also refused with 401: CAP's technical
 * users (privileged, system or internal users, and the default mock users {@code privileged},
 * {@code system}, {@code internal}, {@code authenticated}), and Basic credentials with an empty
 * password, which CAP's mock users accept over HTTP but never over a socket.
 *
 * <p>Runs after the application's security filter chain, so the CAP user of the request is known.
 */
public final class UpgradeAuthenticationFilter implements Filter {

  private final CdsRuntime runtime;

  public UpgradeAuthenticationFilter(CdsRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if ("websocket".equalsIgnoreCase(http.getHeader("Upgrade"))
        && (CapMockUsers.emptyBasicPassword(http.getHeader("Authorization"))
            || !acceptableUser())) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean acceptableUser() {
    return runtime
        .requestContext()
        .run(
            context -> {
              return CapMockUsers.acceptableSocketUser(context.getUserInfo());
            });
  }
}
