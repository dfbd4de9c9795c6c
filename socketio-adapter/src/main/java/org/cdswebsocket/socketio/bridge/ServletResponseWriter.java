package org.cdswebsocket.socketio.bridge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Takes the library's HTTP response objects off a {@link BridgeChannel}'s pipeline, in place of
 * Netty's HTTP encoder, and hands each complete response to the request's {@link HttpExchange}.
 * Websocket frames and bytes pass on unchanged.
 *
 * <p>A response is complete with its {@link LastHttpContent}; the library also writes bare response
 * heads (401, 500) and then closes, so a pending head is delivered on close. One per channel; runs
 * on its event loop.
 */
final class ServletResponseWriter extends ChannelOutboundHandlerAdapter {

  static final String NAME = "cdsServletResponseWriter";

  private final HttpExchange exchange;
  private HttpResponse head;
  private CompositeByteBuf body;
  private boolean delivered;

  ServletResponseWriter(HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof HttpObject)) {
      if (msg instanceof CloseWebSocketFrame && ctx.channel() instanceof BridgeChannel bridged) {
        bridged.closeFrameSent();
      }
      ctx.write(msg, promise);
      return;
    }
    try {
      if (msg instanceof HttpResponse response && !delivered) {
        head = response;
        body = ctx.alloc().compositeBuffer();
      }
      if (msg instanceof HttpContent content && body != null && content.content().isReadable()) {
        body.addComponent(true, content.content().retain());
      }
      if (msg instanceof LastHttpContent) {
        deliver();
      }
      promise.trySuccess();
    } catch (RuntimeException e) {
      promise.tryFailure(e);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    deliver();
    ctx.close(promise);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (body != null) {
      body.release();
      body = null;
    }
  }

  private void deliver() {
    if (head == null || delivered) {
      return;
    }
    delivered = true;
    ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : body;
    try {
      exchange.respond(head.status().code(), head.headers(), content);
    } finally {
      if (body != null) {
        body.release();
        body = null;
      }
    }
  }
}
