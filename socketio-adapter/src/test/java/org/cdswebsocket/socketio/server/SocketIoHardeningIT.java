package org.cdswebsocket.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sap.cds.services.request.UserInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.socketio.auth.HandshakeAuthenticator;
import org.cdswebsocket.socketio.auth.HandshakeRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the Socket.IO server with raw clients (JDK WebSocket, JDK HTTP client for polling and
 * CORS): packet smuggling, cross-site requests, unbounded queues, handshake floods.
 */
class SocketIoHardeningIT {

  private static final String CHAT = "/ws/chat";
  private static final String OTHER = "/ws/other";
  private static final String GOOD = "{\"token\":\"good\"}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final RecordingHandler handler = new RecordingHandler();
  private final List<String> authThreads = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch authBlock = new CountDownLatch(0);
  private SocketIoGateway gateway;

  /** The test authenticator, recording its threads and optionally blocking. */
  private final HandshakeAuthenticator authenticator =
      request -> {
        authThreads.add(Thread.currentThread().getName());
        try {
          authBlock.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return authenticate(request);
      };

  private static UserInfo authenticate(org.cdswebsocket.socketio.auth.HandshakeRequest request)
      throws HandshakeRejectedException {
    return new TestAuthenticator().authenticate(request);
  }

  private int start(SocketIoOptions.Builder options) {
    gateway =
        new SocketIoGateway(
            options.port(0).pingIntervalMillis(25_000).build(),
            List.of(CHAT, OTHER),
            handler,
            authenticator);
    gateway.start();
    return gateway.port();
  }

  private RawClient open(int port) throws InterruptedException {
    RawClient client = new RawClient(port);
    assertThat(client.next(5000)).startsWith("0{\"sid\":");
    return client;
  }

  @AfterEach
  void stop() {
    handler.release.countDown();
    if (gateway != null) {
      gateway.stop();
    }
  }

  // --- packet smuggling -------------------------------------------------------------------

  @Test
  void connectSmuggledBehindAPongClosesTheConnection() throws Exception {
    try (RawClient client = open(start(SocketIoOptions.builder()))) {
      client.send("3\u001e40/ws/chat,");

      assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1002);
      assertThat(client.frames).noneMatch(f -> f.startsWith("40/ws/chat"));
      assertThat(handler.opened).isEmpty();
    }
  }

  @Test
  void invalidPacketSmuggledBehindAPongClosesTheConnection() throws Exception {
    try (RawClient client = open(start(SocketIoOptions.builder()))) {
      client.send("3\u001e4abc");

      assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1002);
    }
  }

  @Test
  void connectHiddenInALegacyLengthPrefixClosesTheConnection() throws Exception {
    try (RawClient client = open(start(SocketIoOptions.builder()))) {
      client.send("13:40/ws/chat,");

      assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1002);
      assertThat(client.frames).noneMatch(f -> f.startsWith("40/ws/chat"));
    }
  }

  @Test
  void smuggledConnectOverPollingClosesTheConnection() throws Exception {
    int port = start(SocketIoOptions.builder());
    String sid = pollingHandshake(port, null);

    post(port, sid, "3\u001e13:40/ws/chat,");

    assertThat(poll(port, sid)).doesNotContain("40/ws/chat");
    assertThat(handler.opened).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.connectionCount() == 0);
  }

  // --- origin -----------------------------------------------------------------------------

  @Test
  void foreignOriginGets403BeforeTheUpgrade() throws Exception {
    int port = start(SocketIoOptions.builder());

    assertThat(upgradeStatus(port, "https://evil.example")).isEqualTo(403);
    assertThat(upgradeStatus(port, null)).isEqualTo(101);
    assertThat(upgradeStatus(port, "http://127.0.0.1:8080")).isEqualTo(101); // the app's pages
  }

  @Test
  void foreignOriginGetsNoCorsHeadersAndNoSession() throws Exception {
    int port = start(SocketIoOptions.builder());

    HttpResponse<String> evil = handshake(port, "https://evil.example");

    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(evil.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(evil.body()).doesNotContain("sid");
  }

  @Test
  void allowedOriginsGetCorsWithCredentialsOthersNone() throws Exception {
    int port = start(SocketIoOptions.builder().allowedOrigins(List.of("https://app.example")));

    HttpResponse<String> listed = handshake(port, "https://app.example");
    HttpResponse<String> sameHost = handshake(port, "http://127.0.0.1:4004");
    HttpResponse<String> noOrigin = handshake(port, null);

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://app.example");
    assertThat(listed.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
    assertThat(sameHost.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://127.0.0.1:4004");
    assertThat(noOrigin.statusCode()).isEqualTo(200);
    assertThat(noOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(noOrigin.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(handshake(port, "https://other.example").statusCode()).isEqualTo(403);
  }

  @Test
  void starAllowsEveryOrigin() throws Exception {
    int port = start(SocketIoOptions.builder().allowedOrigins(List.of("*")));

    assertThat(handshake(port, "https://anywhere.example").statusCode()).isEqualTo(200);
  }

  // --- bounded queues ---------------------------------------------------------------------

  @Test
  void answersToAClientThatDoesNotPollCountAgainstTheSendQueueLimit() throws Exception {
    int port = start(SocketIoOptions.builder().sendQueueLimit(3).failedConnectLimit(1000));
    String sid = pollingHandshake(port, null);

    post(port, sid, String.join("\u001e", java.util.Collections.nCopies(20, "40/nope,")));

    String queued = poll(port, sid);
    assertThat(queued.split("44/nope", -1).length - 1).isLessThanOrEqualTo(3);
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.connectionCount() == 0);
  }

  @Test
  void eventsOfASocketStillAuthenticatingAreDropped() throws Exception {
    authBlock = new CountDownLatch(1);
    try (RawClient client = open(start(SocketIoOptions.builder()))) {
      client.send("40/ws/chat," + GOOD);
      client.send("42/ws/chat,[\"early\",{}]");
      await().atMost(Duration.ofSeconds(10)).until(() -> !authThreads.isEmpty());
      authBlock.countDown();
      assertThat(client.next(5000)).startsWith("40/ws/chat,{\"sid\":");

      client.send("42/ws/chat,1[\"marker\",{}]");

      assertThat(client.next(5000)).startsWith("43/ws/chat,1");
      assertThat(handler.frames).extracting(f -> f.event()).containsExactly("marker");
    }
  }

  // --- handshake floods -------------------------------------------------------------------

  @Test
  void authenticationRunsOnItsOwnExecutor() throws Exception {
    try (RawClient client = open(start(SocketIoOptions.builder()))) {
      assertThat(client.connect(CHAT, GOOD)).startsWith("40/ws/chat,{\"sid\":");

      assertThat(authThreads).allMatch(t -> t.startsWith("cds-socketio-auth-"));
    }
  }

  @Test
  void connectionIsClosedAfterTooManyRefusedConnects() throws Exception {
    try (RawClient client = open(start(SocketIoOptions.builder().failedConnectLimit(3)))) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.connect(CHAT, "{\"token\":\"bad\"}"))
            .isEqualTo("44/ws/chat,{\"message\":\"401\"}");
      }

      assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }
  }

  @Test
  void connectionWithoutNamespaceTimesOut() throws Exception {
    try (RawClient client = open(start(SocketIoOptions.builder().connectTimeoutMillis(200)))) {
      assertThat(client.closed.get(10, TimeUnit.SECONDS)).isNotNull();
      await().atMost(Duration.ofSeconds(10)).until(() -> gateway.connectionCount() == 0);
    }
  }

  @Test
  void connectionWithAnOpenNamespaceDoesNotTimeOut() throws Exception {
    try (RawClient client = open(start(SocketIoOptions.builder().connectTimeoutMillis(3000)))) {
      assertThat(client.connect(CHAT, GOOD)).startsWith("40/ws/chat,{\"sid\":");
      Thread.sleep(6000); // twice the timeout; the socket must still answer

      client.send("42/ws/chat,1[\"still\",{}]");

      assertThat(client.next(5000)).startsWith("43/ws/chat,1");
    }
  }

  @Test
  void namespacesPerConnectionAreLimited() throws Exception {
    try (RawClient client = open(start(SocketIoOptions.builder().maxNamespaces(1)))) {
      assertThat(client.connect(CHAT, GOOD)).startsWith("40/ws/chat,{\"sid\":");

      assertThat(client.connect(OTHER, GOOD))
          .isEqualTo("44/ws/other,{\"message\":\"Too many namespaces\"}");
      assertThat(handler.opened).hasSize(1);
    }
  }

  @Test
  void requestsForUnknownMalformedOrEndedSessionsGet400() throws Exception {
    int port = start(SocketIoOptions.builder());
    String unknown = java.util.UUID.randomUUID().toString();
    String ended = pollingHandshake(port, null);
    post(port, ended, "1"); // the client closes its Engine.IO session
    await().atMost(Duration.ofSeconds(10)).until(() -> get(url(port, ended)).statusCode() == 400);

    for (URI uri :
        List.of(
            url(port, unknown),
            url(port, "not-a-uuid"),
            url(port, ended),
            URI.create(url(port, unknown) + "&disconnect=1"))) {
      HttpResponse<String> response = get(uri);

      assertThat(response.statusCode()).as(uri.toString()).isEqualTo(400);
      assertThat(response.body()).as(uri.toString()).startsWith("{\"code\":");
    }
    HttpResponse<String> unknownPost =
        HTTP.send(
            HttpRequest.newBuilder(url(port, unknown))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("40/ws/chat,"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknownPost.statusCode()).isEqualTo(400);
    assertThat(unknownPost.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    assertThat(handler.opened).isEmpty();
  }

  // --- helpers ----------------------------------------------------------------------------

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int upgradeStatus(int port, String origin) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (origin != null) {
      builder.header("Origin", origin);
    }
    try {
      WebSocket ws =
          builder
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"),
                  new WebSocket.Listener() {})
              .join();
      ws.abort();
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  private static HttpResponse<String> handshake(int port, String origin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling"))
            .timeout(Duration.ofSeconds(10));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String pollingHandshake(int port, String origin) throws Exception {
    String body = handshake(port, origin).body();
    int start = body.indexOf("\"sid\":\"") + 7;
    return body.substring(start, body.indexOf('"', start));
  }

  /** Posts a polling payload; the server may close the request's connection with the session. */
  private static void post(int port, String sid, String payload) throws Exception {
    try {
      HTTP.send(
          HttpRequest.newBuilder(url(port, sid))
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString(payload))
              .header("Content-Type", "text/plain;charset=UTF-8")
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException closed) {
      // the connection was closed while answering
    }
  }

  /** The next polling payload; empty when the server closed the connection instead. */
  private static String poll(int port, String sid) throws Exception {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(url(port, sid)).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (java.io.IOException closed) {
      return "";
    }
  }

  private static URI url(int port, String sid) {
    return URI.create(
        "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling&sid=" + sid);
  }
}
