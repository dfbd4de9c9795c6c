package org.cdswebsocket.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreparedTextFrameTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 200_000})
  void isByteForByteWhatNettysServerEncoderWritesForTheSamePayload(int length) {
    byte[] payload = payload(length);
    ByteBuf prepared = PreparedTextFrame.of(ByteBufAllocator.DEFAULT, payload);
    try {
      assertThat(ByteBufUtil.getBytes(prepared)).isEqualTo(nettyEncoded(payload));
      assertThat(prepared.isDirect()).isTrue();
    } finally {
      prepared.release();
    }
  }

  @Test
  void writtenFromTheEntryItPassesOnlyWhatLiesBelowTheFrameEncoder() {
    EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
    ChannelHandlerContext entry = PreparedTextFrame.entry(channel);
    assertThat(entry).isNotNull();
    byte[] payload = "42/ws/chat,[\"message\",{}]".getBytes(StandardCharsets.UTF_8);
    ByteBuf prepared = PreparedTextFrame.of(channel.alloc(), payload);

    entry.write(prepared.retainedDuplicate(), channel.voidPromise());
    entry.write(prepared.retainedDuplicate(), channel.voidPromise());
    prepared.release();
    channel.flush();

    byte[] once = nettyEncoded(payload);
    ByteBuf first = channel.readOutbound();
    ByteBuf second = channel.readOutbound();
    assertThat(ByteBufUtil.getBytes(first)).isEqualTo(once); // not encoded a second time
    assertThat(ByteBufUtil.getBytes(second)).isEqualTo(once);
    assertThat((Object) channel.readOutbound()).isNull();
    first.release();
    second.release();
    assertThat(prepared.refCnt()).isZero(); // nothing leaks once the writes are done
    channel.finishAndReleaseAll();
  }

  @Test
  void aChannelWithAnExtensionEncoderOrWithoutFrameEncoderGetsNoEntry() {
    EmbeddedChannel compressed =
        new EmbeddedChannel(new WebSocket13FrameEncoder(false), new PassThroughExtension());
    assertThat(PreparedTextFrame.entry(compressed)).isNull();
    assertThat(PreparedTextFrame.entry(new EmbeddedChannel())).isNull();
    compressed.finishAndReleaseAll();
  }

  private static byte[] payload(int length) {
    byte[] payload = new byte[length];
    for (int i = 0; i < length; i++) {
      payload[i] = (byte) ('a' + i % 26);
    }
    return payload;
  }

  private static byte[] nettyEncoded(byte[] payload) {
    EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
    encoder.writeOutbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(payload)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
      out.writeBytes(ByteBufUtil.getBytes(part));
      part.release();
    }
    encoder.finishAndReleaseAll();
    return out.toByteArray();
  }

  /** Stands for permessage-deflate: an extension encoder that must see every frame. */
  private static final class PassThroughExtension extends WebSocketExtensionEncoder {
    @Override
    protected void encode(ChannelHandlerContext ctx, WebSocketFrame msg, List<Object> out) {
      out.add(msg.retain());
    }
  }
}
