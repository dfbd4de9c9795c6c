package org.cdswebsocket.socketio.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * HTTP-level checks before netty-socketio sees a request (part of gap G9): only Engine.IO v4
 * handshakes ({@code EIO=4}) with a configured transport and method GET are accepted, and, when
 * allowed origins are configured, requests from other origins are refused. Refusals are answered
 * like the reference server: status 400 (403 for origins) with {@code {"code":..,"message":..}}.
 *
 * <p>Runs on the event loops; sharable.
 */
@Sharable
final class HandshakeGuard extends ChannelInboundHandlerAdapter {

  private final String context;
  private final List<String> transports;
  private final List<String> allowedOrigins;

  HandshakeGuard(SocketIoOptions options) {
    this.context = options.context();
    this.transports = options.transports();
    this.allowedOrigins = options.allowedOrigins();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request) {
      String refusal = check(request);
      if (refusal != null) {
        HttpResponseStatus status =
            refusal.startsWith("{\"code\":4,")
                ? HttpResponseStatus.FORBIDDEN
                : HttpResponseStatus.BAD_REQUEST;
        request.release();
        respond(ctx, status, refusal);
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  private String check(FullHttpRequest request) {
    QueryStringDecoder query = new QueryStringDecoder(request.uri());
    if (!query.path().startsWith(context)) {
      return null; // the library answers unknown paths
    }
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (!allowedOrigins.isEmpty() && origin != null && !allowedOrigins.contains(origin)) {
      return error(4, "Forbidden");
    }
    Map<String, List<String>> params = query.parameters();
    if (params.containsKey("sid")) {
      return null;
    }
    if (!"4".equals(first(params, "EIO"))) {
      return error(5, "Unsupported protocol version");
    }
    if (!transports.contains(first(params, "transport"))) {
      return error(0, "Transport unknown");
    }
    if (!HttpMethod.GET.equals(request.method())) {
      return error(2, "Bad handshake method");
    }
    return null;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String error(int code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
  }

  private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
