package org.cdswebsocket.ws.spring;

import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cdswebsocket.spi.CapMockUsers;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.ws.endpoint.WsServer;

/**
 * Decides a WebSocket upgrade to an endpoint of a CAP service and performs it: a refused client
 * never gets a session, an admitted one is handed to the {@link WsServer} with the CAP user read
 * here (once per upgrade).
 *
 * <ul>
 *   <li>401 for unauthenticated users, also where the application opened the path to anonymous
 *       users: a socket carries the user of its handshake into every call, and an anonymous user
 *       would pass unannotated services. Also 401: CAP's technical users (privileged, system or
 *       internal users, and the default mock users {@code privileged}, {@code system}, {@code
 *       internal}, {@code authenticated}), and Basic credentials with an empty password, which
 *       CAP's mock users accept over HTTP but never over a socket.
 *   <li>403 for a user without access to the endpoint's service ({@code @requires}, {@code
 *       @restrict}), 400 for a client identifier ({@code ?id=}) over its length limit: core's
 *       admission rules ({@link org.cdswebsocket.spi.ConnectionHandler#refusal}, asked through
 *       {@link WsServer#refusal}), the same ones core applies again when the session opens.
 * </ul>
 *
 * <p>Paths that are no websocket endpoint of a CAP service pass unchanged (the application's own
 * WebSocket endpoints, for example), and so does everything while the server is not running. Runs
 * after the application's security filter chain, so the CAP user of the request is known (read from
 * CAP's user provider chain, without a request context). Thread-safe.
 */
public final class UpgradeAdmissionFilter extends UpgradeFilter {

  private final CdsRuntime runtime;
  private final WsServerLifecycle lifecycle;

  public UpgradeAdmissionFilter(CdsRuntime runtime, WsServerLifecycle lifecycle) {
    this.runtime = runtime;
    this.lifecycle = lifecycle;
  }

  @Override
  void filterUpgrade(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    WsServer server = lifecycle.server();
    if (server == null || !server.serves(http.getRequestURI())) {
      chain.doFilter(http, response);
      return;
    }
    if (CapMockUsers.emptyBasicPassword(http.getHeader("Authorization"))) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    // CAP's user provider chain: where a request context would take the user from, without the
    // cost of opening one (about 50 us of a connect)
    UserInfo user = runtime.getProvidedUserInfo();
    if (!CapMockUsers.acceptableSocketUser(user)) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    String identifier = http.getParameter("id");
    ClientInfo client =
        new ClientInfo(
            user,
            identifier == null || identifier.isEmpty() ? null : identifier,
            http.getRequestURI());
    int refusal = server.refusal(client);
    if (refusal != 0) {
      response.sendError(refusal);
    } else {
      server.upgrade(http, response, client);
    }
  }
}
