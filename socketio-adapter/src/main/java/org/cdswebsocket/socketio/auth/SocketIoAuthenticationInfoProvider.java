package org.cdswebsocket.socketio.auth;

import com.sap.cds.services.authentication.AuthenticationInfo;
import com.sap.cds.services.runtime.AuthenticationInfoProvider;
import java.util.function.Supplier;

/**
 * Lets CAP's own user providers derive the {@code UserInfo} of a Socket.IO handshake: the adapter
 * exposes the credentials it validated as the current thread's {@link AuthenticationInfo} while it
 * asks CAP for the user, so mock users, XSUAA and IAS resolve roles, tenant and attributes exactly
 * as for HTTP. Everywhere else it delegates to the previous provider (Spring Security for HTTP).
 *
 * <p>Registered by the adapter's runtime configuration in the providers phase. Thread-safe: the
 * credentials live in a thread local for the duration of {@link #with} only.
 */
public final class SocketIoAuthenticationInfoProvider implements AuthenticationInfoProvider {

  private static final ThreadLocal<AuthenticationInfo> CURRENT = new ThreadLocal<>();

  private AuthenticationInfoProvider previous;

  @Override
  public void setPrevious(AuthenticationInfoProvider previous) {
    this.previous = previous;
  }

  @Override
  public AuthenticationInfo get() {
    AuthenticationInfo current = CURRENT.get();
    if (current != null) {
      return current;
    }
    return previous == null ? null : previous.get();
  }

  /** Runs {@code work} with {@code info} as the thread's authentication. */
  public static <T> T with(AuthenticationInfo info, Supplier<T> work) {
    AuthenticationInfo outer = CURRENT.get();
    CURRENT.set(info);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }
}
