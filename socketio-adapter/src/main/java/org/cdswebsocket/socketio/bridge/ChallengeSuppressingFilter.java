package org.cdswebsocket.socketio.bridge;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Same-port mode, in front of the application's security chain on the Engine.IO path: a request
 * that says it comes from a script ({@code X-Requested-With: XMLHttpRequest}, the convention Spring
 * Security itself honours) gets its refusal without a {@code WWW-Authenticate} challenge. A browser
 * would otherwise hold the page's polling request open behind its own login dialog, so the page
 * never learns that the credentials it sent were wrong. Requests without the header keep the
 * challenge (a page may rely on the browser's login). Errors of such requests are answered with
 * {@code {"code":<status>,"message":..}} directly, without the container's error page. Stateless
 * and thread-safe.
 */
public final class ChallengeSuppressingFilter implements Filter {

  static final String REQUESTED_WITH = "X-Requested-With";
  static final String CHALLENGE = "WWW-Authenticate";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader(REQUESTED_WITH))) {
      chain.doFilter(req, new WithoutChallenge((HttpServletResponse) res));
    } else {
      chain.doFilter(req, res);
    }
  }

  /**
   * Drops the authentication challenge header and answers errors itself: a container error page
   * dispatch would run the security chain again outside this filter and add the challenge back.
   */
  private static final class WithoutChallenge extends HttpServletResponseWrapper {

    WithoutChallenge(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!CHALLENGE.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!CHALLENGE.equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (isCommitted()) {
        return;
      }
      resetBuffer();
      setStatus(status);
      setContentType("application/json");
      setCharacterEncoding("UTF-8");
      getWriter().write("{\"code\":" + status + ",\"message\":\"" + reason(status) + "\"}");
      flushBuffer();
    }

    private static String reason(int status) {
      return switch (status) {
        case 401 -> "Unauthorized";
        case 403 -> "Forbidden";
        default -> "Refused";
      };
    }
  }
}
