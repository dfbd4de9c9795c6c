package org.cdswebsocket.socketio.bridge;

import com.corundumstudio.socketio.handler.ClientHead;
import com.sap.cds.services.request.UserInfo;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Who owns each Engine.IO session of the same-port mode: the CAP user that the application's
 * security chain authenticated for the handshake request. Every later request of the session must
 * come from the same user (a session id is no credential), and every namespace of the session is
 * connected as that user.
 *
 * <p>A handshake first {@link #reserve reserves} a random key for its user; the key travels in an
 * internal request header (which the bridge strips from client requests) to the namespace
 * authenticator. When the library created the session, the key is {@link #bind bound} to its id;
 * when the session ends it is {@link #forget forgotten}. Thread-safe.
 */
final class SessionOwners {

  /** The internal header that carries a handshake's key; never accepted from clients. */
  static final String KEY_HEADER = "x-cds-websocket-handshake-key";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConcurrentMap<String, UserInfo> users = new ConcurrentHashMap<>();
  private final ConcurrentMap<UUID, String> keys = new ConcurrentHashMap<>();
  private final ConcurrentMap<UUID, ClientHead> heads = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger reservations =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Reserves a key for the user of a handshake request. */
  String reserve(UserInfo user) {
    if ((reservations.incrementAndGet() & 0xFF) == 0) {
      sweep();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    users.put(key, user);
    return key;
  }

  /** The library created session {@code head} for the handshake with {@code key}. */
  void bind(ClientHead head, String key) {
    if (users.containsKey(key)) {
      heads.put(head.getSessionId(), head);
      keys.put(head.getSessionId(), key);
    }
  }

  /** Forgets sessions the library ended without a namespace disconnect (e.g. ping timeout). */
  private void sweep() {
    heads.forEach(
        (sid, head) -> {
          if (!head.isConnected()) {
            forget(sid);
          }
        });
  }

  /** The handshake with {@code key} created no session. */
  void release(String key) {
    if (!keys.containsValue(key)) {
      users.remove(key);
    }
  }

  /** The session ended. */
  void forget(UUID sid) {
    heads.remove(sid);
    String key = keys.remove(sid);
    if (key != null) {
      users.remove(key);
    }
  }

  /** The owner of a live session, or {@code null} if the session is unknown or ended. */
  UserInfo owner(UUID sid) {
    ClientHead head = heads.get(sid);
    if (head != null && !head.isConnected()) {
      forget(sid); // ended by ping timeout, close packet or transport loss
      return null;
    }
    String key = keys.get(sid);
    return key == null ? null : users.get(key);
  }

  /** The user of the handshake with {@code key}, or {@code null}. */
  UserInfo userOf(String key) {
    return key == null ? null : users.get(key);
  }

  /** The number of live sessions (for tests). */
  int size() {
    return keys.size();
  }

  /**
   * Whether {@code candidate} is the same authenticated user (name and tenant) as {@code owner}.
   */
  static boolean sameUser(UserInfo owner, UserInfo candidate) {
    return candidate != null
        && candidate.isAuthenticated()
        && Objects.equals(owner.getName(), candidate.getName())
        && Objects.equals(owner.getTenant(), candidate.getTenant());
  }
}
