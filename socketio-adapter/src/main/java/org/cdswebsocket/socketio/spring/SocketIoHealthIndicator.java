package org.cdswebsocket.socketio.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import java.util.function.Supplier;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of the Socket.IO server (kind {@code socket.io}): {@code UP} with its {@code port}
 * while it accepts connections, {@code DOWN} before it started and after it stopped. The CAP
 * runtime is looked up on each check, after CAP's own configuration. Thread-safe.
 */
public final class SocketIoHealthIndicator implements HealthIndicator {

  private final Supplier<CdsRuntime> runtime;

  public SocketIoHealthIndicator(Supplier<CdsRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Health health() {
    SocketIoServerHandle server =
        runtime
            .get()
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
    if (server == null) {
      return Health.unknown().withDetail("running", false).build();
    }
    boolean running = server.isRunning();
    return (running ? Health.up() : Health.down())
        .withDetail("running", running)
        .withDetail("port", server.port())
        .build();
  }
}
