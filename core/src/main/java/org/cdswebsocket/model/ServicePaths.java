package org.cdswebsocket.model;

import java.util.Locale;

/**
 * Node-compatible path rules: the default service path is the slug of the service's local name, a
 * relative path is placed under the protocol prefix, an absolute one is used as is.
 */
public final class ServicePaths {

  private ServicePaths() {}

  /**
   * The slug of a service name: last name segment, a trailing {@code Service} removed, underscores
   * and camel-case humps turned into dashes, lower case. {@code my.ChatService} gives {@code chat},
   * {@code GuestBillingService} gives {@code guest-billing}.
   */
  public static String slug(String qualifiedName) {
    String local = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    if (local.endsWith("Service") && local.length() > "Service".length()) {
      local = local.substring(0, local.length() - "Service".length());
    }
    return local
        .replace('_', '-')
        .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Resolves a service path against the protocol prefix: {@code chat} under {@code /ws} gives
   * {@code /ws/chat}, {@code /absolute} stays {@code /absolute}.
   */
  public static String resolve(String prefix, String path) {
    if (path.startsWith("/")) {
      return stripTrailingSlash(path);
    }
    String base = stripTrailingSlash(prefix);
    return (base.equals("/") ? "" : base) + "/" + stripTrailingSlash(path);
  }

  /** Normalises a prefix such as {@code ws/} to {@code /ws}. */
  public static String normalisePrefix(String prefix) {
    String p = prefix.startsWith("/") ? prefix : "/" + prefix;
    return p.length() > 1 ? stripTrailingSlash(p) : p;
  }

  private static String stripTrailingSlash(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
