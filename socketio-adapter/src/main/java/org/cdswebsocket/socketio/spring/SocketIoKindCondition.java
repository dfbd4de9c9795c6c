package org.cdswebsocket.socketio.spring;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when cds-websocket is enabled with kind {@code socket.io} (also spelled {@code socketio}
 * or {@code socket-io}), read from the Spring environment that CAP reads its {@code cds.*}
 * properties from.
 */
final class SocketIoKindCondition extends SpringBootCondition {

  private static final Set<String> SOCKET_IO = Set.of("socket.io", "socketio", "socket-io");

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    var env = context.getEnvironment();
    if (!env.getProperty("cds.websocket.enabled", Boolean.class, true)) {
      return ConditionOutcome.noMatch("cds.websocket.enabled is false");
    }
    String kind = env.getProperty("cds.websocket.kind", "ws").trim().toLowerCase(Locale.ROOT);
    return SOCKET_IO.contains(kind)
        ? ConditionOutcome.match("cds.websocket.kind is socket.io")
        : ConditionOutcome.noMatch("cds.websocket.kind is " + kind);
  }
}
