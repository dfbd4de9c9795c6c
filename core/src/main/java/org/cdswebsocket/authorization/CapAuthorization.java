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
 * <p>Decisions are cached per tenant, user, roles and service or entity (at most {@value
 * #CACHE_LIMIT} entries; the cache is cleared when full), so a connect of a known user costs no
 * request context: both depend only on the roles (neither evaluates a {@code where} condition).
 * Thread-safe. A check that fails is logged and refused, and not cached.
 */
public final class CapAuthorization implements ServiceAccess, ReadAccess {

  private static final Logger LOG = LoggerFactory.getLogger(CapAuthorization.class);

  /** The most cached READ decisions. */
  static final int CACHE_LIMIT = 10_000;

  private final CdsRuntime runtime;
  private final Map<DecisionKey, Boolean> decisions = new ConcurrentHashMap<>();

  /** What a cached decision depends on: who asks, and about what ("service X", "READ of E"). */
  private record DecisionKey(
      String tenant, String user, Set<String> roles, boolean authenticated, String what) {}

  public CapAuthorization(CdsRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public boolean mayUse(ClientInfo client, String service) {
    UserInfo user = client.userInfo();
    if (user.isPrivileged()) {
      return true;
    }
    return decide(
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
    return decide(user, "READ of " + entity, auth -> unconditionalRead(auth, entity));
  }

  /** The cached decision about {@code what} for this user, else CAP's, then cached. */
  private boolean decide(UserInfo user, String what, Predicate<AuthorizationService> decision) {
    DecisionKey key =
        new DecisionKey(
            user.getTenant(),
            user.getName(),
            new TreeSet<>(user.getRoles()),
            user.isAuthenticated(),
            what);
    Boolean cached = decisions.get(key);
    if (cached != null) {
      return cached;
    }
    Boolean allowed = check(user, what, decision);
    if (allowed == null) {
      return false; // failed: refused, and asked again next time
    }
    if (decisions.size() >= CACHE_LIMIT) {
      decisions.clear();
    }
    decisions.put(key, allowed);
    return allowed;
  }

  private static boolean unconditionalRead(AuthorizationService auth, String entity) {
    if (!auth.hasEntityAccess(entity, CqnService.EVENT_READ)) {
      return false;
    }
    CqnPredicate where = auth.calcWhereCondition(entity, CqnService.EVENT_READ);
    return where == null;
  }

  /** CAP's decision, or {@code null} when it could not be made. */
  private Boolean check(UserInfo user, String what, Predicate<AuthorizationService> decision) {
    AuthorizationService auth =
        runtime
            .getServiceCatalog()
            .getService(AuthorizationService.class, AuthorizationService.DEFAULT_NAME);
    if (auth == null) {
      LOG.warn("No CAP authorization service; refusing {}", what);
      return null;
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
      return null;
    }
  }
}
