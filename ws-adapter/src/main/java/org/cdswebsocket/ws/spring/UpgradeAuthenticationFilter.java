package org.cdswebsocket.ws.spring;

import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
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
        && (emptyBasicPassword(http.getHeader("Authorization")) || !acceptableUser())) {
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
              UserInfo user = context.getUserInfo();
              return user.isAuthenticated()
                  && !user.isPrivileged()
                  && !user.isSystemUser()
                  && !user.isInternalUser()
                  && (user.getName() == null
                      || !CapMockUsers.DEFAULT_USERS.contains(
                          user.getName().toLowerCase(Locale.ROOT)));
            });
  }

  /** Whether the header is {@code Basic} with an empty (or missing) password. */
  static boolean emptyBasicPassword(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 || colon == decoded.length() - 1;
    } catch (IllegalArgumentException e) {
      return false; // not Basic at all; the security chain decides
    }
  }
}
