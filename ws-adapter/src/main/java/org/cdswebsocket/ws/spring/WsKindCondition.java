package org.cdswebsocket.ws.spring;

import org.cdswebsocket.spi.WebSocketKind;
import org.cdswebsocket.spi.WebSocketSettings;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when cds-websocket is enabled with kind {@code ws}, decided by {@link
 * WebSocketSettings#activeKind} from the Spring environment, exactly as core decides it. An unknown
 * kind does not match here; core then stops the start-up naming the accepted kinds.
 */
final class WsKindCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    WebSocketKind kind;
    try {
      kind = WebSocketSettings.activeKind(context.getEnvironment()::getProperty);
    } catch (IllegalArgumentException e) {
      return ConditionOutcome.noMatch(e.getMessage());
    }
    return kind == WebSocketKind.WS
        ? ConditionOutcome.match("cds.websocket.kind is ws")
        : ConditionOutcome.noMatch("cds.websocket.kind is " + kind + " (or disabled)");
  }
}
