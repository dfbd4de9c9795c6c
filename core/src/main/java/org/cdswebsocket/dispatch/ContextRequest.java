package org.cdswebsocket.dispatch;

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
