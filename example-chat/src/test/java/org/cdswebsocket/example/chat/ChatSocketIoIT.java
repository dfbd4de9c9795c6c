package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.runtime.CdsRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cdswebsocket.WebSocketService;
import org.cdswebsocket.example.chat.SocketIoChatClient.Auth;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat over kind socket.io with the Java {@code io.socket:socket.io-client}, over websocket and
 * over long-polling: the scenarios of {@link ChatWsIT}, plus what only Socket.IO has
 * (acknowledgements, namespaces, tickets).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.websocket.kind=socket.io", "cds.websocket.port=0"})
class ChatSocketIoIT {

  @Autowired CdsRuntime runtime;
  @LocalServerPort int httpPort;
  int port;

  @BeforeEach
  void socketIoPort() {
    port =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME)
            .port();
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void everyClientReceivesWhatEitherSends(String transport) throws Exception {
    try (SocketIoChatClient alice = SocketIoChatClient.join(port, transport, "alice");
        SocketIoChatClient bob = SocketIoChatClient.join(port, transport, "bob")) {
      assertThat(alice.result("message", Map.of("text", "hello bob"))).isEqualTo("hello bob");
      assertReceived(alice, "hello bob", "alice");
      assertReceived(bob, "hello bob", "alice");

      assertThat(bob.result("message", Map.of("text", "hi alice"))).isEqualTo("hi alice");
      assertReceived(alice, "hi alice", "bob");
      assertReceived(bob, "hi alice", "bob");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void connectAndDisconnectCallTheLifecycleOperations(String transport) throws Exception {
    try (SocketIoChatClient alice = SocketIoChatClient.join(port, transport, "alice")) {
      // each nextPresence fails the test when the event does not arrive in time; presence events
      // of earlier tests' clients whose disconnect is still being processed are skipped
      nextPresence(alice, "alice", "joined");
      try (SocketIoChatClient bob = SocketIoChatClient.join(port, transport, "bob")) {
        nextPresence(alice, "bob", "joined");
      }
      nextPresence(alice, "bob", "left");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void handshakeWithoutValidCredentialsIsRefused(String transport) throws Exception {
    String chat = SocketIoChatClient.url(port, "/ws/chat");
    for (Auth auth :
        List.of(
            Auth.none(),
            Auth.basic("alice", "wrong"),
            Auth.basic("mallory", "mallory"),
            Auth.header("alice", "wrong"),
            Auth.ticket("forged"))) {
      try (SocketIoChatClient refused = SocketIoChatClient.open(chat, transport, auth, false)) {
        assertThat(refused.connectErrorMessage()).as(auth.toString()).isEqualTo("401");
      }
    }
    try (SocketIoChatClient unknown =
        SocketIoChatClient.open(
            SocketIoChatClient.url(port, "/ws/nope"),
            transport,
            Auth.basic("alice", "alice"),
            false)) {
      assertThat(unknown.connectErrorMessage()).isEqualTo("Invalid namespace");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void credentialsInTheAuthorizationHeaderAreAccepted(String transport) throws Exception {
    try (SocketIoChatClient alice =
        SocketIoChatClient.join(port, transport, Auth.header("alice", "alice"))) {
      assertThat(alice.result("announce", Map.of("text", "by header"))).isEqualTo("by header");
    }
  }

  static Stream<Arguments> badCalls() {
    Stream<Arguments> calls =
        Stream.of(
            Arguments.of("message", new JSONObject(Map.of("text", 42)), 400),
            Arguments.of("message", "text", 400),
            Arguments.of("message", new JSONObject(Map.of("text", "x", "extra", 1)), 400),
            Arguments.of("doesNotExist", new JSONObject(), 404),
            Arguments.of("announce", new JSONObject(Map.of("text", "bob is no moderator")), 403),
            Arguments.of("message", new byte[] {1, 2, 3}, 415));
    return calls.flatMap(
        a ->
            Stream.of("websocket", "polling")
                .map(t -> Arguments.of(t, a.get()[0], a.get()[1], a.get()[2])));
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
  @MethodSource("badCalls")
  void badCallsGetAnErrorAckAndHarmNoSession(String transport, String event, Object data, int code)
      throws Exception {
    try (SocketIoChatClient alice = SocketIoChatClient.join(port, transport, "alice");
        SocketIoChatClient bob = SocketIoChatClient.join(port, transport, "bob")) {
      Object[] ack = bob.call(event, data);

      assertThat(ack).hasSize(1);
      JSONObject error = ((JSONObject) ack[0]).getJSONObject("error");
      assertThat(httpStatus(error.getInt("code"))).isEqualTo(code);
      assertThat(error.getString("message")).isNotBlank();
      assertThat(bob.result("message", Map.of("text", "still works"))).isEqualTo("still works");
      assertReceived(alice, "still works", "bob");
      assertThat(bob.isConnected()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void callsWithoutAcknowledgementStillRun(String transport) throws Exception {
    try (SocketIoChatClient alice = SocketIoChatClient.join(port, transport, "alice")) {
      alice.emit("doesNotExist", new JSONObject());
      alice.emit("message", new JSONObject(Map.of("text", "no ack wanted")));

      assertReceived(alice, "no ack wanted", "alice");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void contextsNarrowBroadcasts(String transport) throws Exception {
    try (SocketIoChatClient alice = SocketIoChatClient.join(port, transport, "alice");
        SocketIoChatClient bob = SocketIoChatClient.join(port, transport, "bob")) {
      // ChatService has no wsContext operation: acknowledged without argument, as Node does
      assertThat(alice.call("wsContext", new JSONObject(Map.of("context", "room-1")))).isEmpty();

      emit("for room-1", Map.of("contexts", List.of("room-1")));
      emit("for all", Map.of());

      assertReceived(alice, "for room-1", "system");
      assertReceived(alice, "for all", "system");
      assertReceived(bob, "for all", "system"); // the room-1 event came first, had bob got it

      assertThat(alice.call("wsContext", new JSONObject(Map.of("context", "room-1", "exit", true))))
          .isEmpty();
      emit("room-1 again", Map.of("contexts", List.of("room-1")));
      emit("all again", Map.of());
      assertReceived(alice, "all again", "system");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void ticketFromTheAppLetsABrowserConnectWithoutPassword(String transport) throws Exception {
    HttpResponse<String> response = ticketRequest(SocketIoChatClient.basicValue("bob", "bob"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    String ticket = new JSONObject(response.body()).getString("ticket");

    try (SocketIoChatClient bob = SocketIoChatClient.join(port, transport, Auth.ticket(ticket))) {
      bob.result("message", Map.of("text", "via ticket"));
      assertReceived(bob, "via ticket", "bob");
    }
    try (SocketIoChatClient replay =
        SocketIoChatClient.open(
            SocketIoChatClient.url(port, "/ws/chat"), transport, Auth.ticket(ticket), false)) {
      assertThat(replay.connectErrorMessage()).isEqualTo("401");
    }
  }

  @Test
  void ticketEndpointNeedsAnAuthenticatedUser() throws Exception {
    assertThat(ticketRequest(null).statusCode()).isEqualTo(401);
    assertThat(ticketRequest(SocketIoChatClient.basicValue("alice", "wrong")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void pageConfigurationNamesKindPortAndTicketEndpoint() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + httpPort + "/app/config.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    JSONObject config = new JSONObject(response.body());
    assertThat(config.getString("kind")).isEqualTo("socket.io");
    assertThat(config.getInt("port")).isEqualTo(port);
    assertThat(config.getString("ticket")).isEqualTo("ws-ticket");
  }

  private HttpResponse<String> ticketRequest(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/ws-ticket"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void emit(String text, Map<String, ?> headers) {
    runtime
        .getServiceCatalog()
        .getService(WebSocketService.class, WebSocketService.DEFAULT_NAME)
        .emit("ChatService", "received", Map.of("text", text, "user", "system"), headers);
  }

  /**
   * The HTTP status of an error code: CAP Java's own codes have six digits that start with it
   * ({@code 403001} for {@code @requires}); adapter codes are HTTP statuses.
   */
  private static int httpStatus(int code) {
    return code >= 100_000 ? code / 1000 : code;
  }

  private static JSONObject nextPresence(SocketIoChatClient client, String user, String status)
      throws Exception {
    while (true) {
      JSONObject presence = client.next("presence");
      if (user.equals(presence.getString("user")) && status.equals(presence.getString("status"))) {
        return presence;
      }
    }
  }

  static void assertReceived(SocketIoChatClient client, String text, String user) throws Exception {
    JSONObject data = client.next("received");
    assertThat(data.getString("text")).isEqualTo(text);
    assertThat(data.getString("user")).isEqualTo(user);
  }
}
