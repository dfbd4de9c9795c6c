package org.cdswebsocket.socketio.bridge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A Netty {@link io.netty.channel.Channel} whose "socket" is one connection of the servlet
 * container: one Engine.IO HTTP request (polling, or the websocket handshake), and after a
 * successful websocket handshake the upgraded connection's raw bytes.
 *
 * <p>netty-socketio's unchanged pipeline runs on it: inbound, the bridge fires the request as a
 * {@code FullHttpRequest} (the HTTP decoder and aggregator let complete requests pass) and later
 * the websocket bytes; outbound, HTTP responses are taken off by the {@link ServletResponseWriter}
 * and only bytes (websocket frames encoded by Netty) reach {@link #doWrite}, which hands them to
 * the {@link ByteSink} of the upgraded connection, coalesced per flush.
 *
 * <p>Threading: like every Netty channel, all I/O methods run on its event loop; {@link
 * #receive(ByteBuf)} and {@link #attach(ByteSink)} may be called from container threads and hop
 * onto it.
 */
final class BridgeChannel extends AbstractChannel {

  private static final ChannelMetadata METADATA = new ChannelMetadata(false);
  private static final int MAX_GATHER = 64 * 1024;
  private static final byte[] CLOSE_FRAME = {(byte) 0x88, 0x00}; // FIN + close, no payload

  private final ChannelConfig config = new DefaultChannelConfig(this);
  private final InetSocketAddress local;
  private final InetSocketAddress remote;
  private final List<Runnable> closeListeners = new ArrayList<>(2);
  private volatile boolean open = true;
  private ByteSink sink; // event loop only
  private boolean closeFrameSent; // event loop only

  BridgeChannel(InetSocketAddress local, InetSocketAddress remote) {
    super(null);
    this.local = local;
    this.remote = remote;
  }

  /** Runs {@code listener} on the event loop once the channel is closed. */
  void onClose(Runnable listener) {
    closeListeners.add(listener);
  }

  /** Hands bytes of the upgraded connection to the pipeline (any thread). */
  void receive(ByteBuf bytes) {
    eventLoop()
        .execute(
            () -> {
              if (!open) {
                bytes.release();
                return;
              }
              pipeline().fireChannelRead(bytes);
              pipeline().fireChannelReadComplete();
            });
  }

  /** The upgraded connection is ready: queued bytes go out now (any thread). */
  void attach(ByteSink connection) {
    eventLoop()
        .execute(
            () -> {
              if (!open) {
                connection.close();
                return;
              }
              sink = connection;
              unsafe().flush();
            });
  }

  /** The sink can take bytes again (any thread). */
  void writable() {
    eventLoop().execute(() -> unsafe().flush());
  }

  @Override
  protected void doWrite(ChannelOutboundBuffer in) throws Exception {
    while (in.current() != null) {
      if (!(in.current() instanceof ByteBuf)) {
        in.remove(new UnsupportedOperationException("unexpected " + in.current().getClass()));
        continue;
      }
      if (sink == null || !sink.isReady()) {
        return; // sent on attach() or writable()
      }
      sink.write(gather(in));
    }
    if (sink != null && sink.isReady()) {
      sink.flush();
    }
  }

  /** Removes consecutive buffers, up to {@link #MAX_GATHER} bytes unless the first is larger. */
  private static byte[] gather(ChannelOutboundBuffer in) {
    ByteBuf first = (ByteBuf) in.current();
    int total = 0;
    List<ByteBuf> parts = new ArrayList<>();
    for (ByteBuf buf = first;
        buf != null && (parts.isEmpty() || total + buf.readableBytes() <= MAX_GATHER);
        buf = in.current() instanceof ByteBuf next ? next : null) {
      total += buf.readableBytes();
      parts.add(buf.retain());
      in.remove();
    }
    byte[] out = new byte[total];
    int offset = 0;
    for (ByteBuf part : parts) {
      int length = part.readableBytes();
      part.readBytes(out, offset, length);
      offset += length;
      part.release();
    }
    return out;
  }

  /** The library sent a websocket close frame; no second one is needed on close. */
  void closeFrameSent() {
    closeFrameSent = true;
  }

  /**
   * The server stops: close without a websocket close frame. The TCP connection then ends with the
   * servlet container, and every client sees that end. After a close frame, clients that wait to
   * answer it themselves (OkHttp, under the Java {@code io.socket} client) would stop reading and
   * notice nothing until their ping timeout.
   */
  void skipCloseFrame() {
    eventLoop().execute(() -> closeFrameSent = true); // before a close() queued after this call
  }

  @Override
  protected void doClose() {
    open = false;
    ByteSink connection = sink;
    sink = null;
    if (connection != null) {
      if (!closeFrameSent && connection.isReady()) {
        // the library closes without a close frame (ping timeout, server disconnect); a client
        // answers this one and ends the TCP connection, which the container then releases
        connection.write(CLOSE_FRAME.clone());
        connection.flush();
      }
      connection.close();
    }
    for (Runnable listener : closeListeners) {
      listener.run();
    }
  }

  @Override
  protected AbstractUnsafe newUnsafe() {
    return new AbstractUnsafe() {
      @Override
      public void connect(SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        promise.setFailure(new UnsupportedOperationException("bridged channels are accepted"));
      }
    };
  }

  @Override
  protected boolean isCompatible(EventLoop loop) {
    return true;
  }

  @Override
  protected SocketAddress localAddress0() {
    return local;
  }

  @Override
  protected SocketAddress remoteAddress0() {
    return remote;
  }

  @Override
  protected void doBind(SocketAddress localAddress) {
    throw new UnsupportedOperationException("bridged channels are not bound");
  }

  @Override
  protected void doDisconnect() {
    doClose();
  }

  @Override
  protected void doBeginRead() {
    // reads are pushed by the container (receive), not pulled
  }

  @Override
  public ChannelConfig config() {
    return config;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public boolean isActive() {
    return open;
  }

  @Override
  public ChannelMetadata metadata() {
    return METADATA;
  }

  @Override
  public InetSocketAddress localAddress() {
    return local;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remote;
  }
}
