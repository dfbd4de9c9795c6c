package org.cdswebsocket.spi;

import com.sap.cds.services.environment.CdsEnvironment;
import com.sap.cds.services.environment.CdsProperties;
import com.sap.cds.services.request.UserInfo;
import com.sap.cloud.environment.servicebinding.api.ServiceBinding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When CAP's mock users may authenticate a socket, and which of them.
 *
 * <p>{@link #active} follows CAP Java 4.6's own HTTP decision: mock users are in use when {@code
 * cds.security.mock.enabled} and {@code cds.security.authentication.auth-config.enabled} are true
 * and no identity service is configured, that is no XSUAA binding (with {@code
 * cds.security.xsuaa.enabled}) and no IAS binding (with {@code cds.security.identity.enabled}) is
 * present, bindings matched by tag or service name as CAP does and narrowed by {@code
 * cds.security.xsuaa.binding} / {@code cds.security.identity.binding}. (CAP additionally needs the
 * identity feature's classes before it drops mock users; a socket does not: a binding suffices.)
 *
 * <p>{@link #usableOverSocket} excludes CAP's default technical users ({@code privileged}, {@code
 * system}, {@code internal}, {@code authenticated}), every user flagged privileged, system or
 * internal, and every user without a password. Stateless and thread-safe.
 */
public final class CapMockUsers {

  /** The names of the mock users CAP adds by default ({@code cds.security.mock.default-users}). */
  public static final Set<String> DEFAULT_USERS =
      Set.of("privileged", "system", "internal", "authenticated");

  private CapMockUsers() {}

  /**
   * Whether the user an HTTP security chain authenticated may open a socket: authenticated, and
   * none of CAP's technical users (privileged, system or internal users, the default mock users). A
   * socket carries its handshake's user into every call, so both kinds and both Socket.IO modes
   * apply this to the handshake's user.
   */
  public static boolean acceptableSocketUser(UserInfo user) {
    return user != null
        && user.isAuthenticated()
        && !user.isPrivileged()
        && !user.isSystemUser()
        && !user.isInternalUser()
        && (user.getName() == null
            || !DEFAULT_USERS.contains(user.getName().toLowerCase(Locale.ROOT)));
  }

  /**
   * Whether an {@code Authorization} header is {@code Basic} with an empty (or missing) password,
   * which CAP's mock users accept over HTTP but a socket never does.
   */
  public static boolean emptyBasicPassword(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 || colon == decoded.length() - 1;
    } catch (IllegalArgumentException e) {
      return false; // not Basic at all; the security chain decides
    }
  }

  /** Whether CAP would authenticate HTTP requests with mock users in this environment. */
  public static boolean active(CdsEnvironment env) {
    CdsProperties.Security security = env.getCdsProperties().getSecurity();
    return isTrue(security.getMock().isEnabled())
        && isTrue(security.getAuthentication().getAuthConfig().isEnabled())
        && !identityServiceConfigured(env);
  }

  /** Whether an XSUAA or IAS binding is configured, as CAP's {@code IdentityUtils} decides it. */
  public static boolean identityServiceConfigured(CdsEnvironment env) {
    CdsProperties.Security security = env.getCdsProperties().getSecurity();
    boolean xsuaa =
        isTrue(security.getXsuaa().isEnabled())
            && hasBinding(env, "xsuaa", security.getXsuaa().getBinding());
    boolean ias =
        isTrue(security.getIdentity().isEnabled())
            && hasBinding(env, "identity", security.getIdentity().getBinding());
    return xsuaa || ias;
  }

  /**
   * Whether this mock user may ever authenticate a socket: it has a non-empty password and is none
   * of CAP's technical users.
   */
  public static boolean usableOverSocket(String name, CdsProperties.Security.Mock.User user) {
    if (name == null || DEFAULT_USERS.contains(name.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return user.getPassword() != null
        && !user.getPassword().isEmpty()
        && !user.isPrivileged()
        && !user.isSystemUser()
        && !user.isInternalUser();
  }

  private static boolean hasBinding(CdsEnvironment env, String kind, String bindingName) {
    return env.getServiceBindings()
        .filter(b -> matches(b, kind))
        .anyMatch(
            b ->
                bindingName == null
                    || bindingName.isEmpty()
                    || bindingName.equalsIgnoreCase(b.getName().orElse("")));
  }

  private static boolean matches(ServiceBinding binding, String kind) {
    List<String> tags = binding.getTags();
    if (tags != null && !tags.isEmpty()) {
      return tags.contains(kind);
    }
    return kind.equals(binding.getServiceName().orElse(null));
  }

  private static boolean isTrue(Boolean value) {
    return Boolean.TRUE.equals(value);
  }
}
