package org.cdswebsocket.recipients;

import com.sap.cds.services.EventContext;
import com.sap.cds.services.request.ParameterInfo;
import com.sap.cds.services.request.UserInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.spi.ClientSession;

/**
 * Who emitted an event, as far as client determination needs it: the tenant (mandatory filter), the
 * user name (for the current-user filters), the {@code x-ws-*} headers of the request that was
 * being served.
 *
 * <p>CAP's outbox replaces the user by the system user when it delivers an event, so this value is
 * captured when the event is submitted and travels in the event context under {@link #KEY} as a
 * plain map ({@link #toMap()} / {@link #fromMap(Object)}), which survives the persistent outbox.
 *
 * @param tenant the emitting tenant, {@code null} for single-tenant applications
 * @param user the emitting user's name, or {@code null}
 * @param requestHeaders the {@code x-ws-*} / {@code x-websocket-*} request headers, by name
 */
public record Emitter(String tenant, String user, Map<String, String> requestHeaders) {

  /** Event-context key (and outbox message parameter) that carries the captured emitter. */
  public static final String KEY = "cds.websocket.emitter";

  public Emitter {
    Map<String, String> copy = new LinkedHashMap<>();
    if (requestHeaders != null) {
      requestHeaders.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              copy.put(k, v);
            }
          });
    }
    requestHeaders = Collections.unmodifiableMap(copy);
  }

  /** An emitter with only a tenant and a user. */
  public static Emitter of(String tenant, String user) {
    return new Emitter(tenant, user, Map.of());
  }

  /** The user of a socket. */
  public static Emitter of(ClientSession session) {
    return new Emitter(session.info().tenant(), session.info().user(), Map.of());
  }

  /** The user and request of the current CAP request context. */
  public static Emitter of(UserInfo user, ParameterInfo parameters) {
    return new Emitter(
        user == null ? null : user.getTenant(),
        user == null ? null : user.getName(),
        parameters == null
            ? Map.of()
            : EmitHeaders.relevantRequestHeaders(parameters.getHeaders()));
  }

  /**
   * The emitter of an event: the value captured at submission time if the context carries one
   * (outbox delivery), otherwise the context's own user and request.
   */
  public static Emitter of(EventContext context) {
    return fromMap(context.get(KEY))
        .orElseGet(() -> of(context.getUserInfo(), context.getParameterInfo()));
  }

  /** A plain, JSON-compatible representation for the event context and the outbox. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("tenant", tenant);
    map.put("user", user);
    map.put("requestHeaders", new LinkedHashMap<>(requestHeaders));
    return map;
  }

  /** Reads {@link #toMap()}'s form; anything else gives empty. */
  public static Optional<Emitter> fromMap(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (map.get("requestHeaders") instanceof Map<?, ?> h) {
      h.forEach((k, v) -> headers.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    }
    return Optional.of(new Emitter(string(map.get("tenant")), string(map.get("user")), headers));
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
