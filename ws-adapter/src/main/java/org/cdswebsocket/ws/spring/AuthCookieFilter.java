package org.cdswebsocket.ws.spring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Local development aid, as in the Node plugin: browsers cannot set an {@code Authorization} header
 * on a WebSocket upgrade, so an upgrade without one takes it from the cookie {@code
 * X-Authorization} (e.g. {@code Basic YWxpY2U6YWxpY2U=}). Runs before the security filter chain.
 *
 * <p>Registered only while CAP mock users are active ({@link org.cdswebsocket.spi.CapMockUsers})
 * and {@code cds.websocket.auth-cookie} is not {@code false}; only {@code Basic} values are taken
 * (a cookie never carries a bearer token to the server this way).
 */
public final class AuthCookieFilter extends UpgradeFilter {

  /** The cookie name. */
  public static final String COOKIE = "X-Authorization";

  @Override
  void filterUpgrade(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (http.getHeader("Authorization") == null && http.getCookies() != null) {
      for (Cookie cookie : http.getCookies()) {
        if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
          String value =
              java.net.URLDecoder.decode(
                  cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8);
          if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            chain.doFilter(new AuthorizationRequest(http, value), response);
            return;
          }
        }
      }
    }
    chain.doFilter(http, response);
  }

  private static final class AuthorizationRequest extends HttpServletRequestWrapper {
    private final String authorization;

    AuthorizationRequest(HttpServletRequest request, String authorization) {
      super(request);
      this.authorization = authorization;
    }

    @Override
    public String getHeader(String name) {
      return "Authorization".equalsIgnoreCase(name) ? authorization : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Authorization".equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of(authorization))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      java.util.List<String> names = Collections.list(super.getHeaderNames());
      names.add("Authorization");
      return Collections.enumeration(names);
    }
  }
}
