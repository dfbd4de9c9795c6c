package org.cdswebsocket.spi;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A Spring condition that matches when cds-websocket is enabled with one kind, decided by {@link
 * WebSocketSettings#activeKind} from the Spring environment, exactly as core decides it. Each
 * adapter's auto-configuration uses a subclass naming its kind. An unknown kind matches no adapter;
 * core then stops the start-up naming the accepted kinds.
 *
 * <p>Stateless; Spring instantiates subclasses through their no-argument constructor while it reads
 * the configuration classes.
 */
public abstract class ActiveKindCondition extends SpringBootCondition {

  private final WebSocketKind kind;

  /**
   * @param kind the kind whose adapter the condition guards
   */
  protected ActiveKindCondition(WebSocketKind kind) {
    this.kind = kind;
  }

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    WebSocketKind active;
    try {
      active = WebSocketSettings.activeKind(context.getEnvironment()::getProperty);
    } catch (IllegalArgumentException e) {
      return ConditionOutcome.noMatch(e.getMessage());
    }
    return active == kind
        ? ConditionOutcome.match("cds.websocket.kind is " + kind)
        : ConditionOutcome.noMatch("cds.websocket.kind is " + active + " (or disabled)");
  }
}
