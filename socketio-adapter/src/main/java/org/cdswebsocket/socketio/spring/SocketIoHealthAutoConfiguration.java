package org.cdswebsocket.socketio.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Adds the Socket.IO server to Actuator's health endpoint as component {@code cdsWebSocketServer}
 * ({@link SocketIoHealthIndicator}), when Actuator is on the class path and the kind is {@code
 * socket.io}.
 */
@AutoConfiguration
@ConditionalOnClass({HealthIndicator.class, CdsRuntime.class})
@Conditional(SocketIoKindCondition.class)
public class SocketIoHealthAutoConfiguration {

  /** The health check; the CAP runtime is looked up per check. */
  @Bean
  public SocketIoHealthIndicator cdsWebSocketServerHealthIndicator(
      ObjectProvider<CdsRuntime> runtime) {
    return new SocketIoHealthIndicator(runtime::getObject);
  }
}
