package org.cdswebsocket.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may open a socket (protection against cross-site WebSocket hijacking).
 *
 * <p>A request without {@code Origin} header is allowed: browsers always send one on WebSocket
 * upgrades and cross-origin requests, so its absence means a non-browser client, which a foreign
 * page cannot drive. Otherwise the origin must be the request's own origin, derived from {@code
 * X-Forwarded-Proto} / {@code X-Forwarded-Host} (first value) or else the request's scheme and
 * {@code Host} header, or be listed in {@code cds.websocket.allowed-origins}; the entry {@code *}
 * allows every origin. Origins compare case-insensitively with default ports ({@code :80} for http,
 * {@code :443} for https) removed; the opaque origin {@code null} is never same-origin.
 *
 * <p>A server on a port of its own (kind {@code socket.io}) is never same-origin with the
 * application's pages, which come from the HTTP port; it passes {@code anyPort = true} so that an
 * origin on the same host name (any port) counts as its own. Ports do not separate cookies either.
 *
 * <p>Immutable and thread-safe.
 */
public final class OriginPolicy {

  private final boolean any;
  private final Set<String> allowed;
  private final boolean anyPort;

  /**
   * @param allowedOrigins extra allowed origins ({@code https://host[:port]}) or {@code *}
   * @param anyPort whether an origin on the request's host name but another port is its own
   */
  public OriginPolicy(Collection<String> allowedOrigins, boolean anyPort) {
    this.any = allowedOrigins.stream().anyMatch(o -> o.trim().equals("*"));
    this.allowed =
        allowedOrigins.stream()
            .map(String::trim)
            .filter(o -> !o.isEmpty() && !o.equals("*"))
            .map(OriginPolicy::normalise)
            .filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    this.anyPort = anyPort;
  }

  /** Whether every origin is allowed ({@code *} configured). */
  public boolean allowsAny() {
    return any;
  }

  /**
   * Whether a request may proceed.
   *
   * @param origin the {@code Origin} header, or {@code null}
   * @param scheme the request's own scheme ({@code http}/{@code https}, {@code ws}/{@code wss})
   * @param host the {@code Host} header
   * @param forwardedProto the {@code X-Forwarded-Proto} header, or {@code null}
   * @param forwardedHost the {@code X-Forwarded-Host} header, or {@code null}
   */
  public boolean allows(
      String origin, String scheme, String host, String forwardedProto, String forwardedHost) {
    if (origin == null || any) {
      return true;
    }
    String given = normalise(origin.trim());
    if (given == null) {
      return false;
    }
    if (allowed.contains(given)) {
      return true;
    }
    String proto = first(forwardedProto);
    String authority = first(forwardedHost);
    if (authority == null) {
      authority = first(host);
    }
    if (authority == null) {
      return false;
    }
    String ownScheme = httpScheme(proto != null ? proto : scheme);
    String own = normalise(ownScheme + "://" + authority);
    if (own == null) {
      return false;
    }
    if (own.equals(given)) {
      return true;
    }
    return anyPort && hostName(own).equals(hostName(given));
  }

  /** Whether a cross-origin response may carry CORS headers for this origin. */
  public boolean allowsCors(String origin) {
    if (origin == null) {
      return false;
    }
    String given = normalise(origin.trim());
    return given != null && (any || allowed.contains(given));
  }

  private static String first(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    String v = (comma < 0 ? header : header.substring(0, comma)).trim();
    return v.isEmpty() ? null : v;
  }

  private static String httpScheme(String scheme) {
    String s = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "wss", "https" -> "https";
      default -> "http";
    };
  }

  /** {@code scheme://host[:port]} in lower case without default port, or null if malformed. */
  static String normalise(String origin) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
        port = -1;
      }
      return scheme + "://" + host.toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String hostName(String normalised) {
    String rest = normalised.substring(normalised.indexOf("://") + 3);
    if (rest.startsWith("[")) {
      return rest.substring(0, rest.indexOf(']') + 1);
    }
    int colon = rest.lastIndexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }
}
