package org.cdswebsocket.socketio.spring;

import org.cdswebsocket.spi.WebSocketSettings;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when kind {@code socket.io} is served on the application's own HTTP port, i.e. {@code
 * cds.websocket.port} is not set; decided by {@link WebSocketSettings.SocketIo#onApplicationPort}
 * exactly as the adapter's runtime configuration decides it. Combine with {@link
 * SocketIoKindCondition}.
 */
final class SocketIoOnApplicationPortCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    try {
      return WebSocketSettings.SocketIo.onApplicationPort(context.getEnvironment()::getProperty)
          ? ConditionOutcome.match("cds.websocket.port is not set: the application's port")
          : ConditionOutcome.noMatch("cds.websocket.port is set: a standalone port");
    } catch (IllegalArgumentException e) {
      return ConditionOutcome.noMatch(e.getMessage()); // core stops the start with this message
    }
  }
}
