package org.cdswebsocket.spi;

import com.sap.cds.services.request.UserInfo;
import java.util.Objects;
import java.util.Set;

/**
 * What core knows about one connected client: who it is and where it connected.
 *
 * <p>Immutable and captured once at handshake time; the CAP {@link UserInfo} is reused as the user
 * of every call the client makes, so {@code @requires} and {@code @restrict} apply as for HTTP. The
 * user lives as long as the socket: token expiry is not re-checked, as in the Node plugin. Contexts
 * are not part of this value because they change while the socket is open; see {@link
 * ClientSession#contexts()}.
 *
 * @param userInfo the authenticated CAP user, never {@code null}
 * @param identifier the client identifier from the {@code ?id=} query parameter, or {@code null}
 * @param servicePath the endpoint path the client connected to, e.g. {@code /ws/chat}
 */
public record ClientInfo(UserInfo userInfo, String identifier, String servicePath) {

  public ClientInfo {
    Objects.requireNonNull(userInfo, "userInfo");
    Objects.requireNonNull(servicePath, "servicePath");
  }

  /** The tenant of the user, or {@code null} for single-tenant applications. */
  public String tenant() {
    return userInfo.getTenant();
  }

  /** The user name (CAP {@code UserInfo.getName()}). */
  public String user() {
    return userInfo.getName();
  }

  /** The user's roles. */
  public Set<String> roles() {
    return userInfo.getRoles();
  }
}
