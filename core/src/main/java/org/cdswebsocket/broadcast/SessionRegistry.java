package org.cdswebsocket.broadcast;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cdswebsocket.spi.ClientSession;

/**
 * The open sessions of this node, indexed by endpoint path and tenant so that a broadcast only
 * looks at the sessions it may reach.
 *
 * <p>Thread-safe; iteration is weakly consistent (a session opened during a broadcast may or may
 * not receive it).
 */
public final class SessionRegistry {

  private static final String NO_TENANT = "";

  private final Map<String, Map<String, Set<ClientSession>>> byPathAndTenant =
      new ConcurrentHashMap<>();

  /** Registers an open session. */
  public void add(ClientSession session) {
    byPathAndTenant
        .computeIfAbsent(session.info().servicePath(), p -> new ConcurrentHashMap<>())
        .computeIfAbsent(tenantKey(session.info().tenant()), t -> ConcurrentHashMap.newKeySet())
        .add(session);
  }

  /**
   * Removes a session; unknown sessions are ignored.
   *
   * @return whether the session was registered
   */
  public boolean remove(ClientSession session) {
    Map<String, Set<ClientSession>> byTenant = byPathAndTenant.get(session.info().servicePath());
    if (byTenant != null) {
      Set<ClientSession> sessions = byTenant.get(tenantKey(session.info().tenant()));
      if (sessions != null) {
        return sessions.remove(session);
      }
    }
    return false;
  }

  /** The sessions of one tenant at one endpoint: the only candidates of a broadcast there. */
  public Collection<ClientSession> candidates(String tenant, String path) {
    Map<String, Set<ClientSession>> byTenant = byPathAndTenant.get(path);
    if (byTenant == null) {
      return Set.of();
    }
    return byTenant.getOrDefault(tenantKey(tenant), Set.of());
  }

  /** The number of registered sessions. */
  public int size() {
    return byPathAndTenant.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToInt(Set::size)
        .sum();
  }

  private static String tenantKey(String tenant) {
    return tenant == null ? NO_TENANT : tenant;
  }
}
