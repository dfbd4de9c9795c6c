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
 * @param users users to include
 * @param roles roles to include
 * @param contexts contexts to include
 * @param identifiers client identifiers to include
 * @param excludedUsers users to exclude
 * @param excludedRoles roles to exclude
 * @param excludedContexts contexts to exclude
 * @param excludedIdentifiers client identifiers to exclude
 * @param excludedSessionId the id of a session that must not receive it, or {@code null}
 * @param includeOperator how include kinds combine
 * @param excludeOperator how exclude kinds combine
 */
public record Recipients(
    String tenant,
    String path,
    Set<String> users,
    Set<String> roles,
    Set<String> contexts,
    Set<String> identifiers,
    Set<String> excludedUsers,
    Set<String> excludedRoles,
    Set<String> excludedContexts,
    Set<String> excludedIdentifiers,
    String excludedSessionId,
    Operator includeOperator,
    Operator excludeOperator) {

  public Recipients {
    Objects.requireNonNull(path, "path");
    users = Set.copyOf(users);
    roles = Set.copyOf(roles);
    contexts = Set.copyOf(contexts);
    identifiers = Set.copyOf(identifiers);
    excludedUsers = Set.copyOf(excludedUsers);
    excludedRoles = Set.copyOf(excludedRoles);
    excludedContexts = Set.copyOf(excludedContexts);
    excludedIdentifiers = Set.copyOf(excludedIdentifiers);
    includeOperator = includeOperator == null ? Operator.OR : includeOperator;
    excludeOperator = excludeOperator == null ? Operator.OR : excludeOperator;
  }

  /** Every client of one tenant at one endpoint. */
  public static Recipients of(String tenant, String path) {
    Set<String> none = Set.of();
    return new Recipients(
        tenant,
        path,
        none,
        none,
        none,
        none,
        none,
        none,
        none,
        none,
        null,
        Operator.OR,
        Operator.OR);
  }

  /** Adds users to include. */
  public Recipients includeUsers(Set<String> more) {
    return new Recipients(
        tenant,
        path,
        union(users, more),
        roles,
        contexts,
        identifiers,
        excludedUsers,
        excludedRoles,
        excludedContexts,
        excludedIdentifiers,
        excludedSessionId,
        includeOperator,
        excludeOperator);
  }

  /** Adds roles to include. */
  public Recipients includeRoles(Set<String> more) {
    return new Recipients(
        tenant,
        path,
        users,
        union(roles, more),
        contexts,
        identifiers,
        excludedUsers,
        excludedRoles,
        excludedContexts,
        excludedIdentifiers,
        excludedSessionId,
        includeOperator,
        excludeOperator);
  }

  /** Adds contexts to include. */
  public Recipients includeContexts(Set<String> more) {
    return new Recipients(
        tenant,
        path,
        users,
        roles,
        union(contexts, more),
        identifiers,
        excludedUsers,
        excludedRoles,
        excludedContexts,
        excludedIdentifiers,
        excludedSessionId,
        includeOperator,
        excludeOperator);
  }

  /** Adds client identifiers to include. */
  public Recipients includeIdentifiers(Set<String> more) {
    return new Recipients(
        tenant,
        path,
        users,
        roles,
        contexts,
        union(identifiers, more),
        excludedUsers,
        excludedRoles,
        excludedContexts,
        excludedIdentifiers,
        excludedSessionId,
        includeOperator,
        excludeOperator);
  }

  /** Adds users to exclude. */
  public Recipients excludeUsers(Set<String> more) {
    return new Recipients(
        tenant,
        path,
        users,
        roles,
        contexts,
        identifiers,
        union(excludedUsers, more),
        excludedRoles,
        excludedContexts,
        excludedIdentifiers,
        excludedSessionId,
        includeOperator,
        excludeOperator);
  }

  /** Adds roles to exclude. */
  public Recipients excludeRoles(Set<String> more) {
    return new Recipients(
        tenant,
        path,
        users,
        roles,
        contexts,
        identifiers,
        excludedUsers,
        union(excludedRoles, more),
        excludedContexts,
        excludedIdentifiers,
        excludedSessionId,
        includeOperator,
        excludeOperator);
  }

  /** Adds contexts to exclude. */
  public Recipients excludeContexts(Set<String> more) {
    return new Recipients(
        tenant,
        path,
        users,
        roles,
        contexts,
        identifiers,
        excludedUsers,
        excludedRoles,
        union(excludedContexts, more),
        excludedIdentifiers,
        excludedSessionId,
        includeOperator,
        excludeOperator);
  }

  /** Adds client identifiers to exclude. */
  public Recipients excludeIdentifiers(Set<String> more) {
    return new Recipients(
        tenant,
        path,
        users,
        roles,
        contexts,
        identifiers,
        excludedUsers,
        excludedRoles,
        excludedContexts,
        union(excludedIdentifiers, more),
        excludedSessionId,
        includeOperator,
        excludeOperator);
  }

  /** Excludes one session, typically the sender. */
  public Recipients excludeSession(String sessionId) {
    return new Recipients(
        tenant,
        path,
        users,
        roles,
        contexts,
        identifiers,
        excludedUsers,
        excludedRoles,
        excludedContexts,
        excludedIdentifiers,
        sessionId,
        includeOperator,
        excludeOperator);
  }

  /** Sets the operators that combine include and exclude kinds. */
  public Recipients operators(Operator include, Operator exclude) {
    return new Recipients(
        tenant,
        path,
        users,
        roles,
        contexts,
        identifiers,
        excludedUsers,
        excludedRoles,
        excludedContexts,
        excludedIdentifiers,
        excludedSessionId,
        include,
        exclude);
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
    return included(info, sessionContexts) && !excluded(info, sessionContexts);
  }

  private boolean included(ClientInfo info, Set<String> sessionContexts) {
    Match users = Match.of(this.users, info.user());
    Match roles = Match.ofAny(this.roles, info.roles());
    Match contexts = Match.ofAny(this.contexts, sessionContexts);
    Match identifiers = Match.of(this.identifiers, info.identifier());
    return Match.combine(includeOperator, true, users, roles, contexts, identifiers);
  }

  private boolean excluded(ClientInfo info, Set<String> sessionContexts) {
    Match users = Match.of(excludedUsers, info.user());
    Match roles = Match.ofAny(excludedRoles, info.roles());
    Match contexts = Match.ofAny(excludedContexts, sessionContexts);
    Match identifiers = Match.of(excludedIdentifiers, info.identifier());
    return Match.combine(excludeOperator, false, users, roles, contexts, identifiers);
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
