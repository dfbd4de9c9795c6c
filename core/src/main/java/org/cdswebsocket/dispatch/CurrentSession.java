package org.cdswebsocket.dispatch;

import java.util.Optional;
import java.util.function.Supplier;
import org.cdswebsocket.spi.ClientSession;

/**
 * The socket whose call the current thread is running, so that CAP handlers invoked from a socket
 * can reach it (the facade). Set only for the duration of one dispatched call.
 */
public final class CurrentSession {

  private static final ThreadLocal<ClientSession> CURRENT = new ThreadLocal<>();

  private CurrentSession() {}

  /** The session of the call running on this thread, if any. */
  public static Optional<ClientSession> get() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} with {@code session} as the current session. */
  public static <T> T call(ClientSession session, Supplier<T> work) {
    ClientSession previous = CURRENT.get();
    CURRENT.set(session);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
