package org.cdswebsocket.socketio.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.spi.LogSafe;
import org.cdswebsocket.spi.OriginPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP-level checks before netty-socketio sees a request (part of gap G9) and the server's CORS
 * answers.
 *
 * <ul>
 *   <li>Origin (cross-site WebSocket hijacking): every request under the Engine.IO path with an
 *       {@code Origin} the {@link OriginPolicy} refuses gets 403 before any upgrade or Engine.IO
 *       session; the policy accepts no {@code Origin} (non-browser clients), the server's own host
 *       name on any port (the application's pages come from the HTTP port) and {@code
 *       cds.websocket.allowed-origins}.
 *   <li>CORS: the library's own CORS headers are switched off (it answered every origin with
 *       credentials allowed); accepted origins get {@code Access-Control-Allow-Origin: <origin>}
 *       and {@code Access-Control-Allow-Credentials: true}, and their preflight requests are
 *       answered here; no other response carries CORS headers.
 *   <li>Sessions: a request for a malformed, unknown or ended {@code sid} gets 400 {@code Session
 *       ID unknown} (the library answers a bare 500 or fails with an exception).
 *   <li>Live sessions: a session whose client has been silent past {@code pingInterval +
 *       pingTimeout} is closed and its request gets 400, even if the library's coarse timer has not
 *       fired yet; after an upgrade to websocket, polling requests of the session get 400 and a
 *       further websocket is accepted and closed at once.
 *   <li>Every response but a protocol switch says {@code Connection: close}: the library closes the
 *       connection after each response although it announces keep-alive.
 *   <li>Handshake: only Engine.IO v4 ({@code EIO=4}) with a configured transport and method GET;
 *       refused like the reference server with 400 and {@code {"code":..,"message":..}}.
 * </ul>
 *
 * <p>Runs on the event loops; sharable (per-channel state lives in a channel attribute).
 */
@Sharable
final class HandshakeGuard extends ChannelDuplexHandler {

  private static final Logger LOG = LoggerFactory.getLogger(HandshakeGuard.class);
  private static final AttributeKey<String> CORS_ORIGIN =
      AttributeKey.valueOf("cds.websocket.corsOrigin");
  private static final AttributeKey<Boolean> SESSION_REQUEST =
      AttributeKey.valueOf("cdsWebsocketSessionRequest");

  private final String context;
  private final List<String> transports;
  private final OriginPolicy origins;
  private final ConnectionRegistry connections;
  private final long heartbeatMillis;

  HandshakeGuard(SocketIoOptions options, ConnectionRegistry connections) {
    this.context = options.context();
    this.transports = options.transports();
    this.origins = new OriginPolicy(options.allowedOrigins(), /* anyPort= */ true);
    this.connections = connections;
    this.heartbeatMillis = (long) options.pingIntervalMillis() + options.pingTimeoutMillis();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request) {
      ctx.channel().attr(CORS_ORIGIN).set(null);
      ctx.channel().attr(SESSION_REQUEST).set(null);
      QueryStringDecoder query = new QueryStringDecoder(request.uri());
      if (query.path().startsWith(context)) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (!originAllowed(request.headers(), origin)) {
          LOG.info("Socket.IO request from origin {} refused", LogSafe.text(origin));
          request.release();
          respond(ctx, HttpResponseStatus.FORBIDDEN, error(4, "Forbidden"));
          return;
        }
        if (origin != null) {
          ctx.channel().attr(CORS_ORIGIN).set(origin);
        }
        if (origin != null && HttpMethod.OPTIONS.equals(request.method())) {
          preflight(ctx, request, origin);
          return;
        }
        String refusal = check(query, request);
        if (refusal == null && query.parameters().containsKey("sid")) {
          Connection connection =
              connections.get(UUID.fromString(first(query.parameters(), "sid")));
          if (connection != null && connection.isUpgraded() && isWebsocket(request)) {
            acceptAndClose(ctx, request);
            return;
          }
          refusal = sessionCheck(connection);
        }
        if (refusal != null) {
          request.release();
          respond(ctx, HttpResponseStatus.BAD_REQUEST, refusal);
          return;
        }
        if (query.parameters().containsKey("sid")) {
          ctx.channel().attr(SESSION_REQUEST).set(Boolean.TRUE);
        }
      }
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * Adds the CORS headers of an accepted origin to every response of its request, and answers a
   * request for an unknown or ended session like the reference server (400, {@code Session ID
   * unknown}) where the library would answer a bare 500.
   */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response
        && !HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
      // the library closes the connection after every response, yet announces keep-alive: a
      // client reusing the connection would see its next request fail ("socket hang up")
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    if (msg instanceof HttpResponse original
        && HttpResponseStatus.INTERNAL_SERVER_ERROR.equals(original.status())
        && Boolean.TRUE.equals(ctx.channel().attr(SESSION_REQUEST).get())) {
      ReferenceCountUtil.release(original);
      msg = errorResponse(HttpResponseStatus.BAD_REQUEST, error(1, "Session ID unknown"));
    }
    if (msg instanceof HttpResponse response) {
      String origin = ctx.channel().attr(CORS_ORIGIN).get();
      if (origin != null) {
        corsHeaders(response.headers(), origin);
      }
    }
    ctx.write(msg, promise);
  }

  private boolean originAllowed(HttpHeaders headers, String origin) {
    return origins.allows(
        origin,
        "http",
        headers.get(HttpHeaderNames.HOST),
        headers.get("X-Forwarded-Proto"),
        headers.get("X-Forwarded-Host"));
  }

  private void preflight(ChannelHandlerContext ctx, FullHttpRequest request, String origin) {
    String requested = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
    request.release();
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
    response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
    if (requested != null) {
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requested);
    }
    response.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, 600);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    corsHeaders(response.headers(), origin);
    ctx.writeAndFlush(response);
  }

  private static void corsHeaders(HttpHeaders headers, String origin) {
    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    headers.add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
  }

  private String check(QueryStringDecoder query, FullHttpRequest request) {
    Map<String, List<String>> params = query.parameters();
    if (params.containsKey("disconnect")) {
      return error(3, "Bad request"); // a legacy parameter the library mishandles for unknown sids
    }
    if (params.containsKey("sid")) {
      return isUuid(first(params, "sid")) ? null : error(1, "Session ID unknown");
    }
    if (!"4".equals(first(params, "EIO"))) {
      return error(5, "Unsupported protocol version");
    }
    String transport = first(params, "transport");
    if (transport == null || !transports.contains(transport)) {
      return error(0, "Transport unknown");
    }
    if (!HttpMethod.GET.equals(request.method())) {
      return error(2, "Bad handshake method");
    }
    return null;
  }

  /**
   * The Engine.IO rules for a request of a live session, as the reference server applies them: a
   * session whose client has been silent past the heartbeat deadline ({@code pingInterval +
   * pingTimeout}) is over (the library's timer may fire late), and a session that completed its
   * upgrade to websocket takes neither polling requests nor a second websocket.
   */
  private String sessionCheck(Connection connection) {
    if (connection == null || !connection.head().isConnected()) {
      return null; // unknown or ended: the library's answer becomes 400 (see write)
    }
    if (connection.isClosedByClient()) {
      return error(1, "Session ID unknown"); // the library still knows it for a moment
    }
    if (connection.silentFor(heartbeatMillis)) {
      LOG.debug("Engine.IO session past its heartbeat deadline closed");
      connection.kill(WebSocketCloseStatus.NORMAL_CLOSURE);
      connections.release(connection);
      return error(1, "Session ID unknown");
    }
    if (connection.isUpgraded()) {
      return error(3, "Bad request"); // polling after the upgrade
    }
    return null;
  }

  private static boolean isWebsocket(FullHttpRequest request) {
    return request
        .headers()
        .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  /**
   * A second websocket for a session that already upgraded: accepted and closed at once, as the
   * reference server does; the library never sees it (it would rebind the session's websocket to
   * it).
   */
  private void acceptAndClose(ChannelHandlerContext ctx, FullHttpRequest request) {
    Channel channel = ctx.channel();
    try {
      String url = "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri();
      WebSocketServerHandshaker handshaker =
          new WebSocketServerHandshakerFactory(url, null, false).newHandshaker(request);
      if (handshaker == null) {
        WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
        return;
      }
      handshaker
          .handshake(channel, request)
          .addListener(
              done -> {
                if (done.isSuccess()) {
                  handshaker.close(
                      channel, new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE));
                } else {
                  channel.close();
                }
              });
    } finally {
      request.release();
    }
  }

  private static boolean isUuid(String sid) {
    try {
      return sid != null && UUID.fromString(sid).toString().equalsIgnoreCase(sid);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String error(int code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
  }

  private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
    ctx.writeAndFlush(errorResponse(status, body)).addListener(ChannelFutureListener.CLOSE);
  }

  private static FullHttpResponse errorResponse(HttpResponseStatus status, String body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    return response;
  }
}
