package org.cdswebsocket.socketio.config;

import com.sap.cds.services.application.ApplicationLifecycleService;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.After;
import com.sap.cds.services.handler.annotations.Before;
import com.sap.cds.services.handler.annotations.ServiceName;

/**
 * Starts the Socket.IO server once the CAP application is prepared (after every other handler of
 * that event, so the application is ready to serve) and stops it before the application stops.
 */
@ServiceName(ApplicationLifecycleService.DEFAULT_NAME)
public final class SocketIoLifecycleHandler implements EventHandler {

  private final DefaultSocketIoServerHandle handle;

  SocketIoLifecycleHandler(DefaultSocketIoServerHandle handle) {
    this.handle = handle;
  }

  /** Starts the server; a port that cannot be bound fails the application start. */
  @After(event = ApplicationLifecycleService.EVENT_APPLICATION_PREPARED)
  public void start() {
    handle.start();
  }

  /** Stops the server: clients are disconnected, workers get a bounded time to finish. */
  @Before(event = ApplicationLifecycleService.EVENT_APPLICATION_STOPPED)
  public void stop() {
    handle.stop();
  }
}
