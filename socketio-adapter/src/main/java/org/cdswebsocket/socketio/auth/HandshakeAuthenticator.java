package org.cdswebsocket.socketio.auth;

import com.sap.cds.services.request.UserInfo;

/**
 * Decides who connects to a namespace. Called once per namespace CONNECT, on a worker thread (never
 * on a Netty event loop), before the connection is acknowledged; a refused handshake never reaches
 * a CAP service.
 *
 * <p>Implementations are thread-safe and may block (token validation may fetch keys).
 */
@FunctionalInterface
public interface HandshakeAuthenticator {

  /**
   * Authenticates the client.
   *
   * @return the authenticated CAP user, never anonymous
   * @throws HandshakeRejectedException if the client may not connect
   */
  UserInfo authenticate(HandshakeRequest request) throws HandshakeRejectedException;
}
