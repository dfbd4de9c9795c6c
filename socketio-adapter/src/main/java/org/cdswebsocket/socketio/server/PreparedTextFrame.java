package org.cdswebsocket.socketio.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.netty.util.AttributeKey;
import java.util.Optional;

/**
 * A server-to-client websocket text frame built once, header and payload in one buffer, so that a
 * broadcast's frame is encoded once per event loop instead of once per channel (server frames are
 * not masked, so every recipient gets the same bytes).
 *
 * <p>Such a frame enters a channel's pipeline just below its websocket frame encoder ({@link
 * #entry}), so the handlers above it (netty-socketio's packet encoder, the frame encoder itself)
 * are not run for it; they only act on other messages. A channel with a websocket extension encoder
 * (permessage-deflate) gets no prepared frames: the extension must see every frame.
 *
 * <p>Threading: {@link #entry} on the channel's event loop. Buffers from {@link #of} are owned by
 * the caller, who writes {@link ByteBuf#retainedDuplicate()}s and releases the original once.
 */
final class PreparedTextFrame {

  /** Where prepared frames enter the channel; empty where they must not be used. */
  private static final AttributeKey<Optional<ChannelHandlerContext>> ENTRY =
      AttributeKey.valueOf(PreparedTextFrame.class, "entry");

  private static final int FIN_TEXT = 0x81;

  private PreparedTextFrame() {}

  /** A direct buffer holding the whole unmasked, final text frame carrying {@code payload}. */
  static ByteBuf of(ByteBufAllocator alloc, byte[] payload) {
    int length = payload.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuf frame = alloc.directBuffer(header + length);
    frame.writeByte(FIN_TEXT);
    if (length < 126) {
      frame.writeByte(length);
    } else if (length <= 0xFFFF) {
      frame.writeByte(126);
      frame.writeShort(length);
    } else {
      frame.writeByte(127);
      frame.writeLong(length);
    }
    frame.writeBytes(payload);
    return frame;
  }

  /**
   * The context of {@code channel}'s websocket frame encoder, to write prepared frames from; {@code
   * null} when the channel has no such encoder (not a websocket) or has an extension encoder.
   * Looked up once per channel: both are in place from the websocket handshake on.
   */
  static ChannelHandlerContext entry(Channel channel) {
    Optional<ChannelHandlerContext> entry = channel.attr(ENTRY).get();
    if (entry == null) {
      ChannelPipeline pipeline = channel.pipeline();
      ChannelHandlerContext encoder = pipeline.context(WebSocketFrameEncoder.class);
      entry =
          encoder == null || pipeline.context(WebSocketExtensionEncoder.class) != null
              ? Optional.empty()
              : Optional.of(encoder);
      channel.attr(ENTRY).set(entry);
    }
    return entry.orElse(null);
  }
}
