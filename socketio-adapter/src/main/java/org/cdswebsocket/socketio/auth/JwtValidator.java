package org.cdswebsocket.socketio.auth;

/**
 * Validates a JWT bearer token (signature, expiry, issuer, audience) before CAP derives the user
 * from it. CAP's user providers only read tokens; HTTP requests are validated by Spring Security,
 * which does not run on the Socket.IO port, so the adapter validates here.
 */
@FunctionalInterface
public interface JwtValidator {

  /**
   * @return {@code null} if the token is valid, else a reason for the log
   */
  String validate(String token);
}
