package org.cdswebsocket.socketio.auth;

import com.sap.cds.services.environment.CdsProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks Basic credentials against CAP's mock users ({@code cds.security.mock.users}), in constant
 * time: both passwords are hashed and the digests compared with {@link MessageDigest#isEqual}, so
 * the comparison leaks neither content nor length.
 *
 * <p>Immutable after construction; a snapshot of the configured users. A user without a password
 * accepts the empty password, as CAP's mock security does.
 */
public final class MockUserPasswords {

  private final Map<String, byte[]> digests = new HashMap<>();
  private final boolean enabled;

  /** Takes a snapshot of the mock users; disabled mock security accepts nobody. */
  public MockUserPasswords(CdsProperties.Security.Mock mock) {
    this.enabled = mock != null && mock.isEnabled();
    if (enabled && mock.getUsers() != null) {
      mock.getUsers()
          .forEach(
              (key, user) -> {
                String name = user.getName() != null ? user.getName() : key;
                String password = user.getPassword() == null ? "" : user.getPassword();
                digests.put(name, sha256(password));
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
    if (expected == null) {
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
