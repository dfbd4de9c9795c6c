package org.cdswebsocket.socketio.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a client presented when it connected to one namespace: the HTTP headers and query of its
 * first Engine.IO request, and the {@code auth} payload of this namespace's CONNECT packet.
 *
 * <p>The auth payload is captured per namespace (netty-socketio shares one payload per connection,
 * gap G3). Immutable.
 *
 * @param namespace the namespace, e.g. {@code /ws/chat}
 * @param headers request headers, keys in lower case
 * @param query query parameters of the handshake request
 * @param auth the CONNECT packet's {@code auth} object, or {@code null} if it carried none
 * @param remoteAddress the client address, for logs
 */
public record HandshakeRequest(
    String namespace,
    Map<String, String> headers,
    Map<String, List<String>> query,
    Map<String, Object> auth,
    String remoteAddress) {

  public HandshakeRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    query = query == null ? Map.of() : Map.copyOf(query);
  }

  /** A header value (case-insensitive name), or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The first value of a query parameter, or {@code null}. */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A string member of the auth payload, or {@code null}. */
  public String authValue(String name) {
    return auth != null && auth.get(name) instanceof String s && !s.isBlank() ? s : null;
  }
}
