package org.cdswebsocket.socketio.auth;

import com.sap.cds.services.authentication.AuthenticationInfo;
import com.sap.cds.services.authentication.BasicAuthenticationInfo;
import com.sap.cds.services.authentication.JwtTokenAuthenticationInfo;
import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;

/**
 * The default {@link HandshakeAuthenticator}: authenticates like the CAP application does for HTTP,
 * without servlet filters (the Socket.IO port has none).
 *
 * <ul>
 *   <li>Basic: only while CAP itself uses mock users, checked against the mock users usable over a
 *       socket ({@link MockUserPasswords}), then CAP's mocked user provider derives roles, tenant
 *       and attributes.
 *   <li>Bearer JWT: validated by the {@link JwtValidator} (java-security), then CAP's identity
 *       providers derive the user from the token. Refused when no validator is available.
 *   <li>Ticket: redeemed once at the {@link WebSocketTicketService}.
 * </ul>
 *
 * <p>Anonymous users are always refused. Runs on worker threads; thread-safe.
 */
public final class CapHandshakeAuthenticator implements HandshakeAuthenticator {

  private final CdsRuntime runtime;
  private final MockUserPasswords mockUsers;
  private final JwtValidator jwtValidator;
  private final WebSocketTicketService tickets;

  /**
   * @param runtime the CAP runtime whose user providers resolve the user
   * @param mockUsers the mock users for Basic authentication
   * @param jwtValidator validates bearer tokens, or {@code null} to refuse them
   * @param tickets the ticket store
   */
  public CapHandshakeAuthenticator(
      CdsRuntime runtime,
      MockUserPasswords mockUsers,
      JwtValidator jwtValidator,
      WebSocketTicketService tickets) {
    this.runtime = runtime;
    this.mockUsers = mockUsers;
    this.jwtValidator = jwtValidator;
    this.tickets = tickets;
  }

  @Override
  public UserInfo authenticate(HandshakeRequest request) throws HandshakeRejectedException {
    Credentials credentials = Credentials.of(request);
    UserInfo user =
        switch (credentials.kind()) {
          case NONE -> throw HandshakeRejectedException.unauthorized("no credentials");
          case TICKET ->
              tickets
                  .redeem(credentials.secret())
                  .orElseThrow(
                      () -> HandshakeRejectedException.unauthorized("unknown or expired ticket"));
          case BASIC -> basic(credentials);
          case BEARER -> bearer(credentials);
        };
    if (user == null || !user.isAuthenticated() || user.getName() == null) {
      throw HandshakeRejectedException.unauthorized("anonymous user");
    }
    return user;
  }

  private UserInfo basic(Credentials credentials) throws HandshakeRejectedException {
    if (!mockUsers.enabled()) {
      throw HandshakeRejectedException.unauthorized(
          "Basic authentication needs active CAP mock users");
    }
    if (!mockUsers.matches(credentials.principal(), credentials.secret())) {
      throw HandshakeRejectedException.unauthorized(
          "wrong user or password for " + credentials.principal());
    }
    return resolve(new BasicAuthenticationInfo(credentials.principal(), credentials.secret()));
  }

  private UserInfo bearer(Credentials credentials) throws HandshakeRejectedException {
    if (jwtValidator == null) {
      throw HandshakeRejectedException.unauthorized("no JWT validation available");
    }
    String problem = jwtValidator.validate(credentials.secret());
    if (problem != null) {
      throw HandshakeRejectedException.unauthorized("invalid token: " + problem);
    }
    return resolve(new JwtTokenAuthenticationInfo(credentials.secret()));
  }

  private UserInfo resolve(AuthenticationInfo info) {
    return SocketIoAuthenticationInfoProvider.with(
        info,
        () ->
            runtime
                .requestContext()
                .providedUser()
                .run(
                    rc -> {
                      return rc.getUserInfo();
                    }));
  }
}
