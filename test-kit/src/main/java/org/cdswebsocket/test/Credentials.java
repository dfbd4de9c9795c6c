package org.cdswebsocket.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a test client authenticates: HTTP Basic with a CAP mock user's name and password (as
 * configured under {@code cds.security.mock.users}), or nothing at all (to test refusals).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the password.
 *
 * @param user the user name, {@code null} for {@link #none()}
 * @param password the password, {@code null} for {@link #none()}
 */
public record Credentials(String user, String password) {

  /** Basic credentials of a mock user. */
  public static Credentials basic(String user, String password) {
    if (user == null || password == null) {
      throw new IllegalArgumentException("user and password are required");
    }
    return new Credentials(user, password);
  }

  /** No credentials: the handshake carries no authorization. */
  public static Credentials none() {
    return new Credentials(null, null);
  }

  /** Whether these are no credentials. */
  public boolean isNone() {
    return user == null;
  }

  /** The {@code Authorization} header value ({@code Basic <base64>}); fails for {@link #none()}. */
  public String authorization() {
    if (isNone()) {
      throw new IllegalStateException("No credentials");
    }
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return isNone() ? "no credentials" : "Basic " + user + ":***";
  }
}
