package org.cdswebsocket.recipients;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;

/**
 * Who receives one broadcast: an immutable value built fluently, each call returning a new
 * instance.
 *
 * <p>Tenant and endpoint path are mandatory. Optional filters, each as include and exclude: user
 * names, roles, contexts, client identifiers; plus one excluded session (the sender of a {@code
 * broadcast}). Include filters of different kinds combine with {@link #includeOperator()}, exclude
 * filters with {@link #excludeOperator()}; values within one kind always combine with "or". An
 * exclusion always wins over an inclusion.
 *
 * <pre>{@code
 * Recipients r = Recipients.of("t1", "/ws/chat")
 *     .includeUsers(Set.of("alice"))
 *     .excludeContexts(Set.of("muted"));
 * boolean delivered = r.matches(session);
 * }</pre>
 *
 * @param tenant the tenant, {@code null} for single-tenant apps (matches sessions without tenant)
 * @param path the endpoint path
 * @param include the clients to include (empty: everybody)
 * @param exclude the clients to exclude (empty: nobody)
 * @param excludedSessionId the id of a session that must not receive it, or {@code null}
 * @param includeOperator how include kinds combine
 * @param excludeOperator how exclude kinds combine
 * @param readableEntity the qualified name of an entity the recipient's user must be allowed to
 *     READ (CRUD broadcasts), or {@code null}; checked at delivery by the broadcaster, not by
 *     {@link #matches}
 */
public record Recipients(
    String tenant,
    String path,
    Filter include,
    Filter exclude,
    String excludedSessionId,
    Operator includeOperator,
    Operator excludeOperator,
    String readableEntity) {

  public Recipients {
    Objects.requireNonNull(path, "path");
    include = include == null ? Filter.NONE : include;
    exclude = exclude == null ? Filter.NONE : exclude;
    includeOperator = includeOperator == null ? Operator.OR : includeOperator;
    excludeOperator = excludeOperator == null ? Operator.OR : excludeOperator;
  }

  /**
   * One side of the filter: user names, roles, contexts and client identifiers. Values of one kind
   * combine with "or"; an empty kind is unspecified.
   *
   * @param users user names
   * @param roles roles
   * @param contexts contexts
   * @param identifiers client identifiers
   */
  public record Filter(
      Set<String> users, Set<String> roles, Set<String> contexts, Set<String> identifiers) {

    /** No values of any kind. */
    public static final Filter NONE = new Filter(Set.of(), Set.of(), Set.of(), Set.of());

    public Filter {
      users = Set.copyOf(users);
      roles = Set.copyOf(roles);
      contexts = Set.copyOf(contexts);
      identifiers = Set.copyOf(identifiers);
    }

    Filter withUsers(Set<String> more) {
      return new Filter(union(users, more), roles, contexts, identifiers);
    }

    Filter withRoles(Set<String> more) {
      return new Filter(users, union(roles, more), contexts, identifiers);
    }

    Filter withContexts(Set<String> more) {
      return new Filter(users, roles, union(contexts, more), identifiers);
    }

    Filter withIdentifiers(Set<String> more) {
      return new Filter(users, roles, contexts, union(identifiers, more));
    }

    /** Combines the specified kinds with {@code op}; {@code whenNoneSpecified} if none is. */
    boolean matches(
        ClientInfo info, Set<String> sessionContexts, Operator op, boolean whenNoneSpecified) {
      if (users.isEmpty() && roles.isEmpty() && contexts.isEmpty() && identifiers.isEmpty()) {
        return whenNoneSpecified; // the common broadcast: no need to look at the user's roles
      }
      return Match.combine(
          op,
          whenNoneSpecified,
          Match.of(users, info.user()),
          Match.ofAny(roles, info.roles()),
          Match.ofAny(contexts, sessionContexts),
          Match.of(identifiers, info.identifier()));
    }
  }

  /** Every client of one tenant at one endpoint. */
  public static Recipients of(String tenant, String path) {
    return new Recipients(
        tenant, path, Filter.NONE, Filter.NONE, null, Operator.OR, Operator.OR, null);
  }

  private Recipients with(Filter include, Filter exclude) {
    return new Recipients(
        tenant,
        path,
        include,
        exclude,
        excludedSessionId,
        includeOperator,
        excludeOperator,
        readableEntity);
  }

  /** Adds users to include. */
  public Recipients includeUsers(Set<String> more) {
    return with(include.withUsers(more), exclude);
  }

  /** Adds roles to include. */
  public Recipients includeRoles(Set<String> more) {
    return with(include.withRoles(more), exclude);
  }

  /** Adds contexts to include. */
  public Recipients includeContexts(Set<String> more) {
    return with(include.withContexts(more), exclude);
  }

  /** Adds client identifiers to include. */
  public Recipients includeIdentifiers(Set<String> more) {
    return with(include.withIdentifiers(more), exclude);
  }

  /** Adds users to exclude. */
  public Recipients excludeUsers(Set<String> more) {
    return with(include, exclude.withUsers(more));
  }

  /** Adds roles to exclude. */
  public Recipients excludeRoles(Set<String> more) {
    return with(include, exclude.withRoles(more));
  }

  /** Adds contexts to exclude. */
  public Recipients excludeContexts(Set<String> more) {
    return with(include, exclude.withContexts(more));
  }

  /** Adds client identifiers to exclude. */
  public Recipients excludeIdentifiers(Set<String> more) {
    return with(include, exclude.withIdentifiers(more));
  }

  /** Excludes one session, typically the sender. */
  public Recipients excludeSession(String sessionId) {
    return new Recipients(
        tenant,
        path,
        include,
        exclude,
        sessionId,
        includeOperator,
        excludeOperator,
        readableEntity);
  }

  /**
   * Restricts delivery to clients whose user may READ the entity (CAP's {@code @requires} and
   * {@code @restrict} grants); the broadcaster checks it per recipient.
   *
   * @param entity the qualified entity name, e.g. {@code CatalogService.Books}
   */
  public Recipients requireRead(String entity) {
    return new Recipients(
        tenant,
        path,
        include,
        exclude,
        excludedSessionId,
        includeOperator,
        excludeOperator,
        entity);
  }

  /** Sets the operators that combine include and exclude kinds. */
  public Recipients operators(Operator include, Operator exclude) {
    return new Recipients(
        tenant,
        path,
        this.include,
        this.exclude,
        excludedSessionId,
        include,
        exclude,
        readableEntity);
  }

  /** The users to include (shorthand for {@code include().users()}). */
  public Set<String> users() {
    return include.users();
  }

  /** Whether this session receives the broadcast. */
  public boolean matches(ClientSession session) {
    if (session.id().equals(excludedSessionId)) {
      return false;
    }
    ClientInfo info = session.info();
    if (!Objects.equals(tenant, info.tenant()) || !path.equals(info.servicePath())) {
      return false;
    }
    Set<String> sessionContexts = session.contexts();
    return include.matches(info, sessionContexts, includeOperator, true)
        && !exclude.matches(info, sessionContexts, excludeOperator, false);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (b == null || b.isEmpty()) {
      return a;
    }
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The result of one filter kind: not specified, or specified and matched or not. */
  private enum Match {
    UNSPECIFIED,
    YES,
    NO;

    static Match of(Set<String> filter, String value) {
      if (filter.isEmpty()) {
        return UNSPECIFIED;
      }
      return value != null && filter.contains(value) ? YES : NO;
    }

    static Match ofAny(Set<String> filter, Set<String> values) {
      if (filter.isEmpty()) {
        return UNSPECIFIED;
      }
      for (String v : values) {
        if (filter.contains(v)) {
          return YES;
        }
      }
      return NO;
    }

    /**
     * Combines the specified kinds; {@code whenNoneSpecified} is the answer when no kind is
     * specified (include: everybody, exclude: nobody).
     */
    static boolean combine(Operator op, boolean whenNoneSpecified, Match... matches) {
      boolean anySpecified = false;
      boolean anyYes = false;
      boolean allYes = true;
      for (Match m : matches) {
        if (m == UNSPECIFIED) {
          continue;
        }
        anySpecified = true;
        anyYes |= m == YES;
        allYes &= m == YES;
      }
      if (!anySpecified) {
        return whenNoneSpecified;
      }
      return op == Operator.AND ? allYes : anyYes;
    }
  }
}
