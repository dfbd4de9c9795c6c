package org.cdswebsocket.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flush policy of {@link DeferredFlusher} on real Netty channels (an in-VM channel pair on one
 * event loop): a write after a quiet spell is flushed at once, writes that follow a flush within
 * the interval wait for one flush together, and frames keep their order. The interval is long (2 s)
 * so that what is checked does not depend on the machine's speed.
 */
class DeferredFlusherTest {

  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final DefaultEventLoopGroup loop = new DefaultEventLoopGroup(1);
  private final AtomicInteger flushes = new AtomicInteger();
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private Channel server;
  private Channel client;

  @BeforeEach
  void connect() throws InterruptedException {
    LocalAddress address = new LocalAddress("flusher-test-" + System.nanoTime());
    server =
        new ServerBootstrap()
            .group(loop)
            .channel(LocalServerChannel.class)
            .childHandler(
                new ChannelInboundHandlerAdapter() {
                  @Override
                  public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    TextWebSocketFrame frame = (TextWebSocketFrame) msg;
                    received.add(frame.text());
                    ReferenceCountUtil.release(frame);
                  }
                })
            .bind(address)
            .sync()
            .channel();
    client =
        new Bootstrap()
            .group(loop)
            .channel(LocalChannel.class)
            .handler(
                new ChannelOutboundHandlerAdapter() {
                  @Override
                  public void flush(ChannelHandlerContext ctx) {
                    flushes.incrementAndGet();
                    ctx.flush();
                  }
                })
            .connect(address)
            .sync()
            .channel();
  }

  @AfterEach
  void close() throws InterruptedException {
    client.close().sync();
    server.close().sync();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  @Test
  void aWriteAfterAQuietSpellIsFlushedAtOnce() throws InterruptedException {
    DeferredFlusher flusher = new DeferredFlusher(INTERVAL_NANOS);
    long started = System.nanoTime();

    flusher.write(client, bytes("first"), queued -> {});

    assertThat(received.poll(1, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(System.nanoTime() - started).isLessThan(INTERVAL_NANOS);
    assertThat(flushes).hasValue(1);
  }

  @Test
  void writesWithinTheIntervalAfterAFlushLeaveTogetherInOrder() throws Exception {
    DeferredFlusher flusher = new DeferredFlusher(INTERVAL_NANOS);
    flusher.write(client, bytes("first"), queued -> {});
    assertThat(received.poll(1, TimeUnit.SECONDS)).isEqualTo("first");

    for (int i = 0; i < 10; i++) {
      flusher.write(client, bytes("next-" + i), queued -> {});
    }
    // a task queued behind the writes: they are written but wait for the interval's flush
    loop.submit(() -> {}).get(1, TimeUnit.SECONDS);
    assertThat(flushes).hasValue(1);
    assertThat(received).isEmpty();

    for (int i = 0; i < 10; i++) {
      assertThat(received.poll(INTERVAL_NANOS * 3, TimeUnit.NANOSECONDS)).isEqualTo("next-" + i);
    }
    assertThat(flushes).hasValue(2);
  }

  @Test
  void writesOfOneLoopTaskLeaveInOneFlushAndReportTheirQueue() throws Exception {
    DeferredFlusher flusher = new DeferredFlusher(INTERVAL_NANOS);
    List<Integer> queuedAfterWrite = new CopyOnWriteArrayList<>();

    loop.submit(
            () -> {
              flusher.write(client, bytes("one"), queuedAfterWrite::add);
              flusher.write(client, bytes("two"), queuedAfterWrite::add);
            })
        .get(1, TimeUnit.SECONDS);

    assertThat(received.poll(1, TimeUnit.SECONDS)).isEqualTo("one");
    assertThat(received.poll(1, TimeUnit.SECONDS)).isEqualTo("two");
    assertThat(flushes).hasValue(1);
    assertThat(queuedAfterWrite).hasSize(2);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
