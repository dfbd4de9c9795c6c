package org.cdswebsocket.socketio.bridge;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import io.netty.channel.Channel;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

/**
 * A netty-socketio server that binds no port: {@link #startAsync()} prepares the library's handlers
 * (exactly what {@code SocketIOServer.startAsync} does before it binds) and starts the event loops
 * on which {@link BridgeChannel}s run. Namespaces, listeners and the pipeline factory are used as
 * on a standalone server.
 *
 * <p>The library keeps its configuration copy and namespace hub private; both are read once by
 * reflection at start (fails the start with a clear message if a library upgrade renamed them).
 * Lifecycle: start once, stop once. Thread-safe after start.
 */
public final class BridgedSocketIoServer extends SocketIOServer {

  private SocketIOChannelInitializer initializer = new SocketIOChannelInitializer();
  private volatile EventLoopGroup loops;

  /** Every open bridged connection (closed ones leave by themselves). */
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

  /** Creates the server; see {@link SocketIOServer#SocketIOServer(Configuration)}. */
  public BridgedSocketIoServer(Configuration configuration) {
    super(configuration);
  }

  @Override
  public void setPipelineFactory(SocketIOChannelInitializer pipelineFactory) {
    super.setPipelineFactory(pipelineFactory);
    this.initializer = pipelineFactory;
  }

  /** Prepares the library's handlers and starts the event loops; binds nothing. */
  @Override
  public Future<Void> startAsync() {
    Configuration copy = (Configuration) privateField("configCopy");
    initializer.start(copy, (NamespacesHub) privateField("namespacesHub"));
    loops = new DefaultEventLoopGroup(copy.getWorkerThreads());
    return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
  }

  /**
   * Closes every bridged connection (pending polls are answered, so the servlet container has no
   * open request left to wait for; websockets end without a close frame, their TCP connections with
   * the container, see {@link BridgeChannel#skipCloseFrame}), then the event loops and the
   * library's timers.
   */
  @Override
  public void stop() {
    EventLoopGroup group = loops;
    loops = null;
    if (group != null) {
      channels.forEach(
          channel -> {
            if (channel instanceof BridgeChannel bridged) {
              bridged.skipCloseFrame();
            }
          });
      channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      initializer.stop();
    }
  }

  /** Whether {@link #startAsync()} ran and {@link #stop()} did not. */
  boolean isStarted() {
    return loops != null;
  }

  /** Tracks a bridged connection until it closes, so that {@link #stop()} can close it. */
  void track(Channel channel) {
    channels.add(channel);
  }

  /** The event loop for a new connection. */
  EventLoop nextLoop() {
    EventLoopGroup group = loops;
    if (group == null) {
      throw new IllegalStateException("Socket.IO server is not running");
    }
    return group.next();
  }

  /** The library's channel initializer, added to every new {@link BridgeChannel}. */
  SocketIOChannelInitializer initializer() {
    return initializer;
  }

  private Object privateField(String name) {
    try {
      Field field = SocketIOServer.class.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(this);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "netty-socketio changed: cannot read SocketIOServer." + name + " for same-port mode", e);
    }
  }
}
