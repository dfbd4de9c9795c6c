package org.cdswebsocket.socketio.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.cdswebsocket.socketio.config.DefaultSocketIoServerHandle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Same-port mode: stops the Socket.IO server when the application context begins to close, before
 * the web server's graceful shutdown (which runs in a lower phase). Open long-polling requests and
 * upgraded websockets are requests of the servlet container: left open, graceful shutdown would
 * wait for them until its timeout; closed first, clients see the end at once and reconnect to the
 * next instance. Starting is CAP's business ({@code SocketIoLifecycleHandler}); this bean only
 * stops. Thread-safe.
 */
final class SocketIoEarlyStop implements SmartLifecycle {

  private final ObjectProvider<CdsRuntime> runtime;
  private volatile boolean running;

  SocketIoEarlyStop(ObjectProvider<CdsRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    CdsRuntime cds = runtime.getIfAvailable();
    if (cds == null) {
      return;
    }
    SocketIoServerHandle handle =
        cds.getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
    if (handle instanceof DefaultSocketIoServerHandle own) {
      own.stop();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Above the web server's graceful shutdown phase: stopped before it. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
