package org.cdswebsocket.dispatch;

import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdswebsocket.spi.ClientSession;

/**
 * The built-in {@code wsContext} event: {@code {context: string | string[], contexts?: string[],
 * exit?: boolean, reset?: boolean}}. {@code reset} leaves all contexts first; then the named
 * contexts are entered, or left when {@code exit} is true.
 *
 * <p>A request is {@linkplain #check checked} against the {@link ClientLimits} before anything is
 * applied, and {@linkplain #applyTo applied} by the dispatcher only after the service's own {@code
 * wsContext} operation (if modelled) succeeded.
 *
 * @param contexts the named contexts
 * @param exit whether to leave instead of enter
 * @param reset whether to leave all contexts first
 */
public record ContextRequest(Set<String> contexts, boolean exit, boolean reset) {

  /** Reads the event data. Values are turned into strings; empty values are ignored. */
  public static ContextRequest of(Map<String, Object> data) {
    Set<String> contexts = new LinkedHashSet<>();
    addAll(contexts, data.get("context"));
    addAll(contexts, data.get("contexts"));
    return new ContextRequest(
        contexts, Boolean.TRUE.equals(data.get("exit")), Boolean.TRUE.equals(data.get("reset")));
  }

  private static void addAll(Set<String> target, Object value) {
    if (value instanceof Collection<?> many) {
      many.forEach(v -> addAll(target, v));
    } else if (value != null && !value.toString().isEmpty()) {
      target.add(value.toString());
    }
  }

  /**
   * Refuses a request that would exceed the limits: a context name longer than allowed, or more
   * contexts than a socket may be in after the request.
   *
   * @param current the session's contexts now
   * @throws ServiceException 400, naming the limit
   */
  public void check(Set<String> current, ClientLimits limits) {
    for (String context : contexts) {
      if (context.length() > limits.maxContextLength()) {
        throw new ServiceException(
            ErrorStatuses.BAD_REQUEST,
            "A context name must not be longer than {} characters",
            limits.maxContextLength());
      }
    }
    if (exit) {
      return;
    }
    Set<String> after = reset ? new LinkedHashSet<>() : new LinkedHashSet<>(current);
    after.addAll(contexts);
    if (after.size() > limits.maxContexts()) {
      throw new ServiceException(
          ErrorStatuses.BAD_REQUEST,
          "A socket can be in at most {} contexts",
          limits.maxContexts());
    }
  }

  /** Applies the request to the session's contexts. */
  public void applyTo(ClientSession session) {
    Set<String> live = session.contexts();
    if (reset) {
      live.clear();
    }
    List<String> names = new ArrayList<>(contexts);
    if (exit) {
      names.forEach(live::remove);
    } else {
      live.addAll(names);
    }
  }
}
