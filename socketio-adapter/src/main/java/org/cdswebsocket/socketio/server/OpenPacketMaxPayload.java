package org.cdswebsocket.socketio.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * Adds {@code "maxPayload"} to the Engine.IO OPEN packet ({@code 0{"sid":…}}), which netty-socketio
 * leaves out (gap G9): the largest polling request body the server accepts. Works on the polling
 * response (holding its head until the body is known, so the {@code Content-Length} is right) and
 * on the websocket text frame. One per channel; runs on its event loop.
 */
final class OpenPacketMaxPayload extends ChannelOutboundHandlerAdapter {

  static final String NAME = "cdsOpenPacketMaxPayload";
  private static final byte[] OPEN = "0{\"sid\"".getBytes(StandardCharsets.US_ASCII);

  private final byte[] member;
  private HttpResponse held;
  private ChannelPromise heldPromise;
  private boolean done;

  OpenPacketMaxPayload(int maxPayload) {
    this.member = (",\"maxPayload\":" + maxPayload).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (done) {
      ctx.write(msg, promise);
      return;
    }
    if (msg instanceof HttpResponse response && !(msg instanceof FullHttpResponse)) {
      releaseHeld(ctx);
      held = response;
      heldPromise = promise;
      return;
    }
    Object out = msg;
    if (msg instanceof TextWebSocketFrame frame) {
      ByteBuf rewritten = rewrite(ctx, frame.content());
      if (rewritten != null) {
        out = new TextWebSocketFrame(frame.isFinalFragment(), frame.rsv(), rewritten);
        frame.release();
      }
    } else if (msg instanceof HttpContent content && held != null) {
      ByteBuf rewritten = rewrite(ctx, content.content());
      if (rewritten != null) {
        out = content.replace(rewritten);
        content.release();
        HttpUtil.setContentLength(held, rewritten.readableBytes());
      }
    }
    releaseHeld(ctx);
    ctx.write(out, promise);
  }

  private void releaseHeld(ChannelHandlerContext ctx) {
    if (held != null) {
      ctx.write(held, heldPromise);
      held = null;
      heldPromise = null;
    }
  }

  /** The content with the member added to a leading OPEN packet, or {@code null} if none. */
  private ByteBuf rewrite(ChannelHandlerContext ctx, ByteBuf content) {
    int start = content.readerIndex();
    if (content.readableBytes() < OPEN.length) {
      return null;
    }
    for (int i = 0; i < OPEN.length; i++) {
      if (content.getByte(start + i) != OPEN[i]) {
        return null;
      }
    }
    int close = content.indexOf(start, content.writerIndex(), (byte) '}');
    if (close < 0) {
      return null;
    }
    done = true;
    ByteBuf out = ctx.alloc().buffer(content.readableBytes() + member.length);
    out.writeBytes(content, start, close - start);
    out.writeBytes(member);
    out.writeBytes(content, close, content.writerIndex() - close);
    return out;
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    releaseHeld(ctx);
    ctx.close(promise);
  }
}
