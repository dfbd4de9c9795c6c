package org.cdswebsocket.socketio.auth;

import com.sap.cds.services.environment.CdsEnvironment;
import com.sap.cds.services.environment.CdsProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.cdswebsocket.spi.CapMockUsers;

/**
 * Checks Basic credentials against CAP's mock users ({@code cds.security.mock.users}), in constant
 * time: both passwords are hashed and the digests compared with {@link MessageDigest#isEqual}, so
 * the comparison leaks neither content nor length.
 *
 * <p>Enabled only under CAP's own condition for mock users ({@link CapMockUsers#active}: mock users
 * enabled and no XSUAA/IAS identity service configured). Only users {@link
 * CapMockUsers#usableOverSocket usable over a socket} are taken: never CAP's default technical
 * users ({@code privileged}, {@code system}, {@code internal}, {@code authenticated}), never a
 * privileged, system or internal user, never one without a password; an empty password never
 * matches.
 *
 * <p>Immutable after construction; a snapshot of the configured users.
 */
public final class MockUserPasswords {

  private final Map<String, byte[]> digests = new HashMap<>();
  private final boolean enabled;

  /** Takes a snapshot of the mock users, if CAP uses mock users in this environment. */
  public MockUserPasswords(CdsEnvironment env) {
    this(env.getCdsProperties().getSecurity().getMock(), CapMockUsers.active(env));
  }

  /**
   * Takes a snapshot of the mock users.
   *
   * @param mock CAP's mock-user configuration
   * @param active whether CAP uses mock users ({@link CapMockUsers#active}); if not, nobody is
   *     accepted
   */
  public MockUserPasswords(CdsProperties.Security.Mock mock, boolean active) {
    this.enabled = active && mock != null;
    if (enabled && mock.getUsers() != null) {
      mock.getUsers()
          .forEach(
              (key, user) -> {
                String name = user.getName() != null ? user.getName() : key;
                if (CapMockUsers.usableOverSocket(name, user)) {
                  digests.put(name, sha256(user.getPassword()));
                }
              });
    }
  }

  /** Whether mock users are enabled at all. */
  public boolean enabled() {
    return enabled;
  }

  /** Whether {@code user} exists and {@code password} is its password. */
  public boolean matches(String user, String password) {
    byte[] expected = digests.get(user);
    byte[] given = sha256(password == null ? "" : password);
    if (expected == null || password == null || password.isEmpty()) {
      MessageDigest.isEqual(given, given); // same work for unknown users
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
