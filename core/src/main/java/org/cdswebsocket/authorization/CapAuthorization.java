package org.cdswebsocket.authorization;

import com.sap.cds.ql.cqn.CqnPredicate;
import com.sap.cds.services.authorization.AuthorizationService;
import com.sap.cds.services.cds.CqnService;
import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.cdswebsocket.broadcast.ReadAccess;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.spi.ClientInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ServiceAccess} and {@link ReadAccess} through CAP's {@link AuthorizationService}, run in a
 * request context of the client's user, so that exactly CAP's {@code @requires} / {@code @restrict}
 * evaluation applies.
 *
 * <p>Service access is the right to call the service's {@code wsConnect} event: a service-level
 * {@code @requires} or a {@code @restrict} grant of {@code *} or {@code wsConnect}. READ access is
 * a static grant of {@code READ} on the entity <em>without</em> a {@code where} condition: CAP's
 * instance-based conditions need the row and are not evaluated for broadcasts, so a user whose READ
 * grant carries a condition is refused (never the other way round). Privileged users pass both.
 *
 * <p>READ decisions are cached per tenant, user, roles and entity (at most {@value #CACHE_LIMIT}
 * entries; the cache is cleared when full). Thread-safe. A failing check is logged and refused.
 */
public final class CapAuthorization implements ServiceAccess, ReadAccess {

  private static final Logger LOG = LoggerFactory.getLogger(CapAuthorization.class);

  /** The most cached READ decisions. */
  static final int CACHE_LIMIT = 10_000;

  private final CdsRuntime runtime;
  private final Map<ReadKey, Boolean> readDecisions = new ConcurrentHashMap<>();

  /** What a cached READ decision depends on. */
  private record ReadKey(
      String tenant, String user, Set<String> roles, boolean authenticated, String entity) {}

  public CapAuthorization(CdsRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public boolean mayUse(ClientInfo client, String service) {
    UserInfo user = client.userInfo();
    if (user.isPrivileged()) {
      return true;
    }
    return check(
        user,
        "service " + service,
        auth -> auth.hasServiceAccess(service, ServiceEndpoint.WS_CONNECT));
  }

  @Override
  public boolean mayRead(ClientInfo client, String entity) {
    UserInfo user = client.userInfo();
    if (user.isPrivileged()) {
      return true;
    }
    ReadKey key =
        new ReadKey(
            user.getTenant(),
            user.getName(),
            new TreeSet<>(user.getRoles()),
            user.isAuthenticated(),
            entity);
    Boolean cached = readDecisions.get(key);
    if (cached != null) {
      return cached;
    }
    boolean allowed = check(user, "READ of " + entity, auth -> unconditionalRead(auth, entity));
    if (readDecisions.size() >= CACHE_LIMIT) {
      readDecisions.clear();
    }
    readDecisions.put(key, allowed);
    return allowed;
  }

  private static boolean unconditionalRead(AuthorizationService auth, String entity) {
    if (!auth.hasEntityAccess(entity, CqnService.EVENT_READ)) {
      return false;
    }
    CqnPredicate where = auth.calcWhereCondition(entity, CqnService.EVENT_READ);
    return where == null;
  }

  private boolean check(UserInfo user, String what, Predicate<AuthorizationService> decision) {
    AuthorizationService auth =
        runtime
            .getServiceCatalog()
            .getService(AuthorizationService.class, AuthorizationService.DEFAULT_NAME);
    if (auth == null) {
      LOG.warn("No CAP authorization service; refusing {}", what);
      return false;
    }
    try {
      return runtime
          .requestContext()
          .user(user)
          .run(
              requestContext -> {
                return decision.test(auth);
              });
    } catch (RuntimeException e) {
      LOG.warn("Authorization check of {} failed; refusing it", what, e);
      return false;
    }
  }
}
