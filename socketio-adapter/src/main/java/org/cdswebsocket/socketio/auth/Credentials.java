package org.cdswebsocket.socketio.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The credentials a client presented, in the order they are looked for: the namespace's {@code
 * auth} payload ({@code {ticket}}, {@code {token}}, {@code {authorization: "Basic ..."}}), then the
 * {@code Authorization} header of the handshake request, then a {@code ?ticket=} query parameter.
 *
 * @param kind what was presented
 * @param principal the user name (Basic only)
 * @param secret the password, token or ticket
 */
public record Credentials(Kind kind, String principal, String secret) {

  /** The kinds of credentials. */
  public enum Kind {
    /** Nothing usable was presented. */
    NONE,
    /** HTTP Basic user and password (CAP mock users). */
    BASIC,
    /** A JWT bearer token (XSUAA / IAS). */
    BEARER,
    /** A one-time ticket from {@link WebSocketTicketService}. */
    TICKET
  }

  private static final Credentials NONE = new Credentials(Kind.NONE, null, null);

  @Override
  public String toString() {
    return "Credentials[" + kind + (principal == null ? "" : ", " + principal) + "]";
  }

  /** Extracts the credentials of a handshake. */
  public static Credentials of(HandshakeRequest request) {
    String ticket = request.authValue("ticket");
    if (ticket != null) {
      return new Credentials(Kind.TICKET, null, ticket);
    }
    String token = request.authValue("token");
    if (token != null) {
      return token.regionMatches(true, 0, "Bearer ", 0, 7)
          ? fromHeader(token)
          : new Credentials(Kind.BEARER, null, token.trim());
    }
    String authorization = request.authValue("authorization");
    if (authorization == null) {
      authorization = request.authValue("Authorization");
    }
    if (authorization == null) {
      authorization = request.header("authorization");
    }
    if (authorization != null) {
      return fromHeader(authorization);
    }
    String queryTicket = request.queryParam("ticket");
    return queryTicket != null ? new Credentials(Kind.TICKET, null, queryTicket) : NONE;
  }

  /** Parses an {@code Authorization} header value ({@code Basic} or {@code Bearer}). */
  static Credentials fromHeader(String value) {
    String v = value.trim();
    int space = v.indexOf(' ');
    if (space < 0) {
      return NONE;
    }
    String scheme = v.substring(0, space).toLowerCase(Locale.ROOT);
    String rest = v.substring(space + 1).trim();
    if (scheme.equals("bearer") && !rest.isEmpty()) {
      return new Credentials(Kind.BEARER, null, rest);
    }
    if (scheme.equals("basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return NONE;
      }
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        return new Credentials(
            Kind.BASIC, decoded.substring(0, colon), decoded.substring(colon + 1));
      }
    }
    return NONE;
  }
}
