package org.cdswebsocket.socketio.bridge;

import com.sap.cds.services.request.UserInfo;
import org.cdswebsocket.socketio.auth.HandshakeAuthenticator;
import org.cdswebsocket.socketio.auth.HandshakeRejectedException;
import org.cdswebsocket.socketio.auth.HandshakeRequest;

/**
 * The namespace authenticator of the same-port mode: every namespace of a connection is connected
 * as the user that the application's security chain authenticated for the Engine.IO handshake.
 * Tickets and {@code auth} payload credentials are not looked at (they are for the standalone
 * port). Thread-safe.
 */
public final class HandshakeUserAuthenticator implements HandshakeAuthenticator {

  private final SessionOwners owners;

  HandshakeUserAuthenticator(SessionOwners owners) {
    this.owners = owners;
  }

  @Override
  public UserInfo authenticate(HandshakeRequest request) throws HandshakeRejectedException {
    UserInfo user = owners.userOf(request.header(SessionOwners.KEY_HEADER));
    if (user == null || !user.isAuthenticated() || user.getName() == null) {
      throw HandshakeRejectedException.unauthorized("no authenticated user for this connection");
    }
    return user;
  }
}
