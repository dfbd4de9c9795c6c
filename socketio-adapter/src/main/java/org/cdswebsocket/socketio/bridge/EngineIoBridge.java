package org.cdswebsocket.socketio.bridge;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.sap.cds.services.request.UserInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cdswebsocket.socketio.server.SocketIoOptions;
import org.cdswebsocket.spi.CapMockUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Engine.IO endpoint of kind {@code socket.io} on the application's own HTTP port: each
 * servlet request (already through the application's security chain) becomes a {@link
 * BridgeChannel} through netty-socketio's unchanged pipeline on the bridge's event loops.
 *
 * <p>Security, decided here before the library sees a request:
 *
 * <ul>
 *   <li>a handshake (no {@code sid}) by an unauthenticated or technical user ({@link
 *       CapMockUsers#acceptableSocketUser}), or with an empty Basic password, is refused with 401
 *       before an Engine.IO session exists; otherwise its user becomes the session's owner and the
 *       user of every namespace of the connection ({@link HandshakeUserAuthenticator});
 *   <li>a request for an unknown or ended session gets 400 ({@code Session ID unknown});
 *   <li>a request for a live session by another user, or without an authenticated user, gets 403;
 *   <li>polling after the session upgraded to websocket gets 400 (a second websocket is accepted
 *       and closed at once).
 * </ul>
 *
 * <p>Threading: {@link #serve} runs on container threads; a polling request returns its thread at
 * once (asynchronous request), a websocket handshake waits at most {@link #HANDSHAKE_WAIT_SECONDS}
 * for the library's decision. Thread-safe.
 */
public final class EngineIoBridge {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIoBridge.class);
  static final long HANDSHAKE_WAIT_SECONDS = 10;

  private final SocketIoOptions options;
  private final SessionOwners owners = new SessionOwners();
  private volatile BridgedSocketIoServer server;

  /**
   * @param options the adapter's options (path, timeouts, body limit)
   */
  public EngineIoBridge(SocketIoOptions options) {
    this.options = options;
  }

  /** The authenticator that connects every namespace as the handshake's user. */
  public HandshakeUserAuthenticator authenticator() {
    return new HandshakeUserAuthenticator(owners);
  }

  /** Creates the library server this bridge serves (used as the gateway's server factory). */
  public BridgedSocketIoServer createServer(Configuration configuration) {
    BridgedSocketIoServer created = new BridgedSocketIoServer(configuration);
    created
        .getNamespace(Namespace.DEFAULT_NAME)
        .addDisconnectListener(client -> owners.forget(client.getSessionId()));
    server = created;
    return created;
  }

  /** Whether the library server runs. */
  public boolean isRunning() {
    BridgedSocketIoServer s = server;
    return s != null && s.isStarted();
  }

  /**
   * Serves one Engine.IO request.
   *
   * @param request the request, after the application's filter chain
   * @param response its response
   * @param user the CAP user the chain authenticated, or an anonymous user
   */
  public void serve(HttpServletRequest request, HttpServletResponse response, UserInfo user)
      throws IOException {
    BridgedSocketIoServer s = server;
    if (s == null || !s.isStarted()) {
      error(response, 503, 503, "Socket.IO server not running");
      return;
    }
    QueryStringDecoder query = new QueryStringDecoder("?" + nullToEmpty(request.getQueryString()));
    String sid = first(query, "sid");
    boolean websocket =
        "GET".equals(request.getMethod())
            && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    String key = null;
    if (sid == null) {
      // as for kind ws: technical users and empty Basic passwords never open a socket, although
      // CAP's mock-user chain accepts them over HTTP
      if (!CapMockUsers.acceptableSocketUser(user)
          || CapMockUsers.emptyBasicPassword(request.getHeader("Authorization"))) {
        error(response, 401, 401, "Unauthorized");
        return;
      }
      key = owners.reserve(user);
    } else if (!admitted(s, sid, user, websocket, response)) {
      return;
    }
    byte[] body = readBody(request, response);
    if (body == null) {
      release(key);
      return;
    }
    FullHttpRequest library = toLibraryRequest(request, body, key);
    if (websocket) {
      upgrade(s, request, response, library, key);
    } else {
      poll(s, request, library, key);
    }
  }

  private boolean admitted(
      BridgedSocketIoServer s,
      String sid,
      UserInfo user,
      boolean websocket,
      HttpServletResponse response)
      throws IOException {
    UUID id;
    try {
      id = UUID.fromString(sid);
    } catch (IllegalArgumentException e) {
      error(response, 400, 1, "Session ID unknown");
      return false;
    }
    UserInfo owner = owners.owner(id);
    if (owner == null) {
      error(response, 400, 1, "Session ID unknown");
      return false;
    }
    if (!SessionOwners.sameUser(owner, user)) {
      LOG.info("Request for session of {} by {} refused", owner.getName(), name(user));
      error(response, 403, 4, "Forbidden");
      return false;
    }
    SocketIOClient client = s.getClient(id);
    if (!websocket
        && client instanceof NamespaceClient nc
        && nc.getBaseClient().getCurrentTransport() == Transport.WEBSOCKET) {
      // the session upgraded: its polling transport is closed (a further websocket is accepted
      // and closed at once by the gateway's handshake guard, as the reference server does)
      error(response, 400, 3, "Bad request");
      return false;
    }
    return true;
  }

  private void poll(
      BridgedSocketIoServer s, HttpServletRequest request, FullHttpRequest library, String key) {
    AsyncContext async = request.startAsync();
    async.setTimeout((long) options.pingIntervalMillis() + options.pingTimeoutMillis() + 5_000L);
    PollingExchange exchange = new PollingExchange(async);
    async.addListener(exchange);
    BridgeChannel channel = newChannel(request);
    exchange.channel(channel);
    open(s, channel, handshakeAware(exchange, channel, key), library);
  }

  private void upgrade(
      BridgedSocketIoServer s,
      HttpServletRequest request,
      HttpServletResponse response,
      FullHttpRequest library,
      String key)
      throws IOException {
    UpgradeExchange exchange = new UpgradeExchange();
    BridgeChannel channel = newChannel(request);
    open(s, channel, handshakeAware(exchange, channel, key), library);
    UpgradeExchange.Answer answer;
    try {
      answer = exchange.answer().get(HANDSHAKE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      error(response, 503, 503, "Interrupted");
      return;
    } catch (ExecutionException | TimeoutException e) {
      channel.close();
      error(response, 503, 503, "Handshake not answered");
      return;
    }
    boolean switching = answer.status() == HttpServletResponse.SC_SWITCHING_PROTOCOLS;
    ResponseHeaders.copy(answer.headers(), response, switching);
    if (!switching) {
      channel.close();
      response.setStatus(answer.status());
      response.setContentLength(answer.body().length);
      response.getOutputStream().write(answer.body());
      return;
    }
    try {
      request.upgrade(UpgradedConnection.class).bind(channel);
    } catch (ServletException | RuntimeException e) {
      LOG.warn("The servlet container refused the websocket upgrade", e);
      channel.close();
      throw new IOException("websocket upgrade refused", e);
    }
  }

  /** Records the session's owner before the handshake's response leaves. */
  private HttpExchange handshakeAware(HttpExchange exchange, BridgeChannel channel, String key) {
    if (key == null) {
      return exchange;
    }
    return new HttpExchange() {
      @Override
      public void respond(int status, HttpHeaders h, ByteBuf b) {
        ClientHead head = channel.attr(ClientHead.CLIENT).get();
        if (head != null) {
          owners.bind(head, key);
        } else {
          owners.release(key);
        }
        exchange.respond(status, h, b);
      }

      @Override
      public void closed() {
        if (channel.attr(ClientHead.CLIENT).get() == null) {
          // the handshake failed without an answer (e.g. an exception in the pipeline)
          owners.release(key);
          exchange.respond(500, HttpHeaders.EMPTY_HEADERS, Unpooled.EMPTY_BUFFER);
          return;
        }
        exchange.closed();
      }
    };
  }

  private static void open(
      BridgedSocketIoServer s, BridgeChannel channel, HttpExchange exchange, FullHttpRequest req) {
    channel.pipeline().addLast(s.initializer());
    EventLoop loop = s.nextLoop();
    loop.register(channel);
    s.track(channel);
    loop.execute(
        () -> {
          if (!channel.isRegistered()) {
            req.release();
            exchange.closed();
            return;
          }
          channel
              .pipeline()
              .addAfter(
                  SocketIOChannelInitializer.HTTP_ENCODER,
                  ServletResponseWriter.NAME,
                  new ServletResponseWriter(exchange));
          channel.pipeline().addLast(FailureCloser.NAME, FailureCloser.INSTANCE);
          channel.onClose(exchange::closed);
          channel.pipeline().fireChannelRead(req);
          channel.pipeline().fireChannelReadComplete();
        });
  }

  private byte[] readBody(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long declared = request.getContentLengthLong();
    int max = options.maxHttpContentLength();
    if (declared > max) {
      error(response, 413, 413, "Payload too large");
      return null;
    }
    if (declared == 0 || "GET".equals(request.getMethod())) {
      return new byte[0];
    }
    byte[] body = request.getInputStream().readNBytes(max + 1);
    if (body.length > max) {
      error(response, 413, 413, "Payload too large");
      return null;
    }
    return body;
  }

  private static FullHttpRequest toLibraryRequest(
      HttpServletRequest request, byte[] body, String key) {
    String path = request.getServletPath() + nullToEmpty(request.getPathInfo());
    String query = request.getQueryString();
    FullHttpRequest library =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.valueOf(request.getMethod()),
            query == null ? path : path + "?" + query,
            Unpooled.wrappedBuffer(body));
    for (String name : Collections.list(request.getHeaderNames())) {
      if (!SessionOwners.KEY_HEADER.equalsIgnoreCase(name)) {
        library.headers().add(name, Collections.list(request.getHeaders(name)));
      }
    }
    if (key != null) {
      library.headers().set(SessionOwners.KEY_HEADER, key);
    }
    return library;
  }

  private static BridgeChannel newChannel(HttpServletRequest request) {
    return new BridgeChannel(
        address(request.getLocalAddr(), request.getLocalPort()),
        address(request.getRemoteAddr(), request.getRemotePort()));
  }

  private static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (UnknownHostException | RuntimeException e) {
      return InetSocketAddress.createUnresolved(String.valueOf(ip), port);
    }
  }

  private void release(String key) {
    if (key != null) {
      owners.release(key);
    }
  }

  private static void error(HttpServletResponse response, int status, int code, String message)
      throws IOException {
    byte[] body =
        ("{\"code\":" + code + ",\"message\":\"" + message + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String first(QueryStringDecoder query, String name) {
    List<String> values = query.parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String name(UserInfo user) {
    return user == null || !user.isAuthenticated() ? "an anonymous user" : user.getName();
  }

  /** The number of live Engine.IO sessions with an owner (for tests). */
  int sessionCount() {
    return owners.size();
  }
}
