package org.cdswebsocket.socketio.server;

import com.sap.cds.services.request.UserInfo;
import org.cdswebsocket.socketio.auth.Credentials;
import org.cdswebsocket.socketio.auth.HandshakeAuthenticator;
import org.cdswebsocket.socketio.auth.HandshakeRejectedException;
import org.cdswebsocket.socketio.auth.HandshakeRequest;

/** Accepts the bearer token {@code good} (payload or header) as user alice; refuses the rest. */
final class TestAuthenticator implements HandshakeAuthenticator {

  @Override
  public UserInfo authenticate(HandshakeRequest request) throws HandshakeRejectedException {
    Credentials c = Credentials.of(request);
    if (c.kind() == Credentials.Kind.BEARER && "good".equals(c.secret())) {
      return UserInfo.create().setName("alice").setIsAuthenticated(true);
    }
    throw HandshakeRejectedException.unauthorized("test: " + c);
  }
}
