package org.cdswebsocket.socketio.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Engine.IO v4 / Socket.IO v5 behaviour of kind {@code socket.io} as the reference server shows it
 * (and the official protocol suite checks it), in both modes: standalone gateway and same-port
 * bridge, each scenario against the {@link EchoFixture} (ping 300/200 ms, namespace {@code
 * /custom}). These are the CI's guard for what {@link ProtocolSuiteIT} measures where the suite is
 * available. Raw clients (JDK {@code HttpClient} and {@code WebSocket}), no timing assertions:
 * waits are upper bounds only.
 */
class EngineIoConformanceIT {

  /** The two ways kind {@code socket.io} is served. */
  enum Mode {
    STANDALONE,
    SAME_PORT
  }

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long HEARTBEAT_MILLIS = 300 + 200;
  private static final Map<Mode, EchoFixture> FIXTURES = new EnumMap<>(Mode.class);

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    FIXTURES.put(Mode.STANDALONE, EchoFixture.standalone());
    FIXTURES.put(Mode.SAME_PORT, EchoFixture.samePort());
  }

  @AfterAll
  static void stop() throws Exception {
    for (EchoFixture fixture : FIXTURES.values()) {
      fixture.close();
    }
    FIXTURES.clear();
  }

  // --- Engine.IO: handshake -----------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Mode.class)
  void invalidPollingHandshakesGet400WithCodeAndMessage(Mode mode) throws Exception {
    int port = port(mode);
    assertRefused(get(port, "transport=polling"), 5);
    assertRefused(get(port, "EIO=abc&transport=polling"), 5);
    assertRefused(get(port, "EIO=4"), 0);
    assertRefused(get(port, "EIO=4&transport=abc"), 0);
    assertRefused(send(port, "EIO=4&transport=polling", "POST", ""), 2);
    assertRefused(send(port, "EIO=4&transport=polling", "PUT", ""), 2);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void pollingResponsesDoNotPromiseAConnectionTheServerCloses(Mode mode) throws Exception {
    int port = port(mode);
    HttpResponse<String> refused = get(port, "EIO=abc&transport=polling");
    HttpResponse<String> handshake = get(port, "EIO=4&transport=polling");
    String sid = sid(handshake.body());
    HttpResponse<String> pong = send(port, "EIO=4&transport=polling&sid=" + sid, "POST", "3");

    assertThat(handshake.statusCode()).isEqualTo(200);
    assertThat(pong.statusCode()).isEqualTo(200);
    if (mode == Mode.STANDALONE) {
      // the library closes its connection after every response: it must say so, or a client
      // reusing the connection fails ("socket hang up")
      for (HttpResponse<String> r : java.util.List.of(refused, handshake, pong)) {
        assertThat(r.headers().firstValue("connection")).as(r.uri().toString()).hasValue("close");
      }
    }
  }

  // --- Engine.IO: heartbeat -----------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Mode.class)
  void pollingPingPong(Mode mode) throws Exception {
    int port = port(mode);
    String sid = sid(get(port, "EIO=4&transport=polling").body());
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> poll = get(port, session(sid));
      assertThat(poll.statusCode()).as("poll %d", i).isEqualTo(200);
      // one ping; a client that polls late may find the next one queued behind it
      assertThat(poll.body()).as("poll %d", i).matches("2(\u001e2)*");
      HttpResponse<String> pong = send(port, session(sid), "POST", "3");
      assertThat(pong.statusCode()).as("pong %d: %s", i, pong.body()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void pollingSessionEndsWhenThePingIsNotAnswered(Mode mode) throws Exception {
    int port = port(mode);
    String sid = sid(get(port, "EIO=4&transport=polling").body());

    Thread.sleep(HEARTBEAT_MILLIS + 20); // ping interval + ping timeout, without a pong

    HttpResponse<String> poll = get(port, session(sid));
    assertThat(poll.statusCode()).isEqualTo(400);
    assertThat(poll.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
  }

  // --- Engine.IO: close ---------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Mode.class)
  void pollingClosePacketReleasesTheWaitingPollWithNoopThenTheSessionIsGone(Mode mode)
      throws Exception {
    int port = port(mode);
    for (int attempt = 1; ; attempt++) {
      String sid = sid(get(port, "EIO=4&transport=polling").body());
      CompletableFuture<HttpResponse<String>> waiting =
          http.sendAsync(request(port, session(sid)).GET().build(), strings());
      Thread.sleep(40L * attempt); // lets the poll arrive first (not guaranteed under load)
      assertThat(send(port, session(sid), "POST", "1").statusCode()).isEqualTo(200);
      HttpResponse<String> released = waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      boolean raced = released.statusCode() == 400 || released.body().startsWith("2");
      if (raced && attempt < 5) {
        continue; // the poll arrived after the close packet, or took a ping first: again
      }
      assertThat(released.statusCode()).isEqualTo(200);
      assertThat(released.body()).isEqualTo("6");
      assertThat(get(port, session(sid)).statusCode()).isEqualTo(400);
      assertThat(send(port, session(sid), "POST", "3").statusCode()).isEqualTo(400);
      return;
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void websocketClosePacketClosesTheConnection(Mode mode) throws Exception {
    try (Ws ws = Ws.open(http, port(mode), null)) {
      assertThat(ws.next()).startsWith("0{");

      ws.send("1"); // before any namespace connect

      assertThat(ws.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void websocketClosePacketClosesAConnectedConnection(Mode mode) throws Exception {
    try (Ws ws = Ws.open(http, port(mode), null)) {
      ws.next();
      ws.send("40/custom,");
      assertThat(ws.next()).startsWith("40/custom,{\"sid\":");
      assertThat(ws.next()).isEqualTo("42/custom,[\"auth\",{}]");

      ws.send("1");

      assertThat(ws.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    }
  }

  // --- Engine.IO: upgrade -------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Mode.class)
  void afterAnUpgradePollingGets400AndASecondWebsocketIsClosed(Mode mode) throws Exception {
    int port = port(mode);
    String sid = sid(get(port, "EIO=4&transport=polling").body());
    try (Ws ws = Ws.open(http, port, sid)) {
      ws.send("2probe");
      assertThat(ws.next()).isEqualTo("3probe");
      ws.send("5");

      // the upgrade completes asynchronously; a poll sent before it is released with noop
      await().atMost(WAIT).until(() -> get(port, session(sid)).statusCode() == 400);
      HttpResponse<String> poll = get(port, session(sid));
      assertThat(poll.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
      assertThat(send(port, session(sid), "POST", "3").statusCode()).isEqualTo(400);

      try (Ws second = Ws.open(http, port, sid)) {
        assertThat(second.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
      }

      // the upgraded session itself still works
      ws.send("40/custom,");
      assertThat(ws.next()).startsWith("40/custom,{\"sid\":");
      assertThat(ws.next()).isEqualTo("42/custom,[\"auth\",{}]");
      ws.send("42/custom,[\"message\",\"still here\"]");
      assertThat(ws.next()).isEqualTo("42/custom,[\"message-back\",\"still here\"]");
    }
  }

  // --- Socket.IO: connect, disconnect ---------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Mode.class)
  void customNamespaceConnectCarriesItsPayload(Mode mode) throws Exception {
    try (Ws ws = Ws.open(http, port(mode), null)) {
      ws.next();
      ws.send("40/custom,{\"token\":\"abc\"}");

      String connected = ws.next();
      assertThat(connected).startsWith("40/custom,{\"sid\":\"");
      assertThat(ws.next()).isEqualTo("42/custom,[\"auth\",{\"token\":\"abc\"}]");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void leavingANamespaceKeepsTheConnectionAndAllowsAReconnect(Mode mode) throws Exception {
    try (Ws ws = Ws.open(http, port(mode), null)) {
      ws.next();
      ws.send("40/custom,{\"token\":\"first\"}");
      String first = ws.next();
      assertThat(first).startsWith("40/custom,{\"sid\":\"");
      assertThat(ws.next()).isEqualTo("42/custom,[\"auth\",{\"token\":\"first\"}]");

      ws.send("41/custom,");
      ws.send("42/custom,[\"message\",\"after leaving\"]"); // dropped: the socket is gone
      ws.send("40/custom,{\"token\":\"second\"}");

      String second = ws.next();
      assertThat(second).startsWith("40/custom,{\"sid\":\"").isNotEqualTo(first);
      assertThat(ws.next()).isEqualTo("42/custom,[\"auth\",{\"token\":\"second\"}]");
      ws.send("42/custom,[\"message\",\"back again\"]");
      assertThat(ws.next()).isEqualTo("42/custom,[\"message-back\",\"back again\"]");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void leavingTheMainNamespaceKeepsTheConnection(Mode mode) throws Exception {
    try (Ws ws = Ws.open(http, port(mode), null)) {
      ws.next();
      ws.send("40");
      assertThat(ws.next()).startsWith("40{\"sid\":\"");

      ws.send("41");
      int pings = ws.pongs;

      // the Engine.IO session lives on: the server keeps pinging (and gets its pongs)
      await().atMost(WAIT).until(() -> ws.pongs >= pings + 2);
      ws.send("40/custom,");
      assertThat(ws.next()).startsWith("40/custom,{\"sid\":\"");
      assertThat(ws.next()).isEqualTo("42/custom,[\"auth\",{}]");
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  private static int port(Mode mode) {
    return FIXTURES.get(mode).port();
  }

  private static String session(String sid) {
    return "EIO=4&transport=polling&sid=" + sid;
  }

  private static void assertRefused(HttpResponse<String> response, int code) {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(400);
    assertThat(response.body()).as(response.uri().toString()).startsWith("{\"code\":" + code + ",");
    assertThat(response.body()).contains("\"message\":\"");
  }

  private static String sid(String openPacket) {
    assertThat(openPacket).startsWith("0{");
    int start = openPacket.indexOf("\"sid\":\"") + 7;
    return openPacket.substring(start, openPacket.indexOf('"', start));
  }

  private static HttpRequest.Builder request(int port, String query) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/socket.io/?" + query))
        .timeout(WAIT);
  }

  private static HttpResponse.BodyHandler<String> strings() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private HttpResponse<String> get(int port, String query)
      throws IOException, InterruptedException {
    return http.send(request(port, query).GET().build(), strings());
  }

  private HttpResponse<String> send(int port, String query, String method, String body)
      throws IOException, InterruptedException {
    return http.send(
        request(port, query)
            .header("Content-Type", "text/plain;charset=UTF-8")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        strings());
  }

  /** A raw Engine.IO websocket client that answers pings itself and skips noop packets. */
  private static final class Ws implements WebSocket.Listener, AutoCloseable {

    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile int pongs;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Ws open(HttpClient http, int port, String sid) {
      Ws ws = new Ws();
      String query = "EIO=4&transport=websocket" + (sid == null ? "" : "&sid=" + sid);
      ws.socket =
          http.newWebSocketBuilder()
              .connectTimeout(WAIT)
              .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?" + query), ws)
              .join();
      return ws;
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }

    /** The next frame that is not a ping; fails after the wait. */
    String next() throws InterruptedException {
      String frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(frame).as("a frame within %s", WAIT).isNotNull();
      return frame;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.equals("2")) {
          pongs++;
          webSocket.sendText("3", true);
        } else if (!frame.equals("6")) { // noop: the library may flush one during an upgrade
          frames.add(frame);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }

    @Override
    public void close() {
      socket.abort();
    }
  }
}
