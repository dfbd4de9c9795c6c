package org.cdswebsocket.socketio.bridge;

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
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The entry of the same-port mode: a servlet filter for the Engine.IO path ({@code /socket.io/*}),
 * asynchronous, ordered after the application's security filter chain (Spring Security / CAP). It
 * reads the CAP user of the request on the request thread and hands the request to the {@link
 * EngineIoBridge}; 503 while the Socket.IO server is not running. Requests of other paths pass on.
 *
 * <p>A filter rather than a servlet of its own: the request stays with the application's default
 * servlet, so the application's security matchers see the full path ({@code /socket.io/}), not a
 * path within a second servlet (where a matcher for {@code "/"} would match it).
 */
public final class EngineIoFilter implements Filter {

  private final Supplier<CdsRuntime> runtime;
  private volatile CdsRuntime resolvedRuntime;
  private final Function<CdsRuntime, Optional<EngineIoBridge>> bridge;
  private final String prefix;

  /**
   * @param runtime the CAP runtime (looked up at the first request, since the filter exists before
   *     CAP, and kept: a bean lookup per request cost ~30 us of a connect)
   * @param bridge the bridge of a runtime while its server runs
   * @param path the Engine.IO path, e.g. {@code /socket.io}
   */
  public EngineIoFilter(
      Supplier<CdsRuntime> runtime,
      Function<CdsRuntime, Optional<EngineIoBridge>> bridge,
      String path) {
    this.runtime = runtime;
    this.bridge = bridge;
    this.prefix = path + "/";
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(prefix)) {
      chain.doFilter(req, res);
      return;
    }
    CdsRuntime cds = resolvedRuntime;
    if (cds == null) {
      cds = runtime.get();
      resolvedRuntime = cds;
    }
    Optional<EngineIoBridge> target = bridge.apply(cds);
    if (target.isEmpty()) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    // CAP's user provider chain, where a request context would take the user from (cheaper)
    UserInfo user = cds.getProvidedUserInfo();
    target.get().serve(request, response, user);
  }
}
