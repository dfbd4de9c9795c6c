package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sap.cds.services.runtime.CdsRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.cdswebsocket.WebSocketService;
import org.cdswebsocket.test.Credentials;
import org.cdswebsocket.test.SocketIoTestClient;
import org.cdswebsocket.test.SocketIoTestClient.Transport;
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

  private static final String CHAT = "/ws/chat";
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void socketIoPort() {
    port = SocketIoTestClient.port(runtime);
  }

  /** Joins the chat as a mock user whose password is the user name. */
  private SocketIoTestClient join(String transport, String user) throws Exception {
    return client(transport).basic(user, user).connect();
  }

  private SocketIoTestClient.Builder client(String transport) {
    return SocketIoTestClient.builder(port, CHAT).transport(Transport.of(transport));
  }

  /** A way to authenticate, named for the assertion message. */
  private record Auth(String name, UnaryOperator<SocketIoTestClient.Builder> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void everyClientReceivesWhatEitherSends(String transport) throws Exception {
    try (SocketIoTestClient alice = join(transport, "alice");
        SocketIoTestClient bob = join(transport, "bob")) {
      assertThat(alice.emitWithAck("message", Map.of("text", "hello bob")).asText())
          .isEqualTo("hello bob");
      assertReceived(alice, "hello bob", "alice");
      assertReceived(bob, "hello bob", "alice");

      assertThat(bob.emitWithAck("message", Map.of("text", "hi alice")).asText())
          .isEqualTo("hi alice");
      assertReceived(alice, "hi alice", "bob");
      assertReceived(bob, "hi alice", "bob");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void connectAndDisconnectCallTheLifecycleOperations(String transport) throws Exception {
    try (SocketIoTestClient alice = join(transport, "alice")) {
      // each nextPresence fails the test when the event does not arrive in time; presence events
      // of earlier tests' clients whose disconnect is still being processed are skipped
      nextPresence(alice, "alice", "joined");
      try (SocketIoTestClient bob = join(transport, "bob")) {
        nextPresence(alice, "bob", "joined");
      }
      nextPresence(alice, "bob", "left");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void handshakeWithoutValidCredentialsIsRefused(String transport) throws Exception {
    for (Auth auth :
        List.of(
            new Auth("none", b -> b),
            new Auth("wrong password", b -> b.basic("alice", "wrong")),
            new Auth("unknown user", b -> b.basic("mallory", "mallory")),
            new Auth(
                "wrong password in header",
                b -> b.authorizationHeader(Credentials.basic("alice", "wrong"))),
            new Auth("forged ticket", b -> b.ticket("forged")))) {
      try (SocketIoTestClient refused = auth.apply().apply(client(transport)).open()) {
        assertThat(refused.connectError()).as(auth.toString()).isEqualTo("401");
      }
    }
    try (SocketIoTestClient unknown =
        SocketIoTestClient.builder(port, "/ws/nope")
            .transport(Transport.of(transport))
            .basic("alice", "alice")
            .open()) {
      assertThat(unknown.connectError()).isEqualTo("Invalid namespace");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void credentialsInTheAuthorizationHeaderAreAccepted(String transport) throws Exception {
    try (SocketIoTestClient alice =
        client(transport).authorizationHeader(Credentials.basic("alice", "alice")).connect()) {
      assertThat(alice.emitWithAck("announce", Map.of("text", "by header")).asText())
          .isEqualTo("by header");
    }
  }

  static Stream<Arguments> badCalls() {
    Stream<Arguments> calls =
        Stream.of(
            Arguments.of("message", Map.of("text", 42), 400),
            Arguments.of("message", "text", 400),
            Arguments.of("message", Map.of("text", "x", "extra", 1), 400),
            Arguments.of("doesNotExist", Map.of(), 404),
            Arguments.of("announce", Map.of("text", "bob is no moderator"), 403),
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
    try (SocketIoTestClient alice = join(transport, "alice");
        SocketIoTestClient bob = join(transport, "bob")) {
      List<JsonNode> ack = bob.ackArguments(event, data);

      assertThat(ack).hasSize(1);
      JsonNode error = ack.get(0).path("error");
      assertThat(httpStatus(error.path("code").asInt())).isEqualTo(code);
      assertThat(error.path("message").asText()).isNotBlank();
      assertThat(bob.emitWithAck("message", Map.of("text", "still works")).asText())
          .isEqualTo("still works");
      assertReceived(alice, "still works", "bob");
      assertThat(bob.isConnected()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void callsWithoutAcknowledgementStillRun(String transport) throws Exception {
    try (SocketIoTestClient alice = join(transport, "alice")) {
      alice.emit("doesNotExist", Map.of());
      alice.emit("message", Map.of("text", "no ack wanted"));

      assertReceived(alice, "no ack wanted", "alice");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void contextsNarrowBroadcasts(String transport) throws Exception {
    try (SocketIoTestClient alice = join(transport, "alice");
        SocketIoTestClient bob = join(transport, "bob")) {
      // ChatService has no wsContext operation: acknowledged without argument, as Node does
      assertThat(alice.ackArguments("wsContext", Map.of("context", "room-1"))).isEmpty();

      emit("for room-1", Map.of("contexts", List.of("room-1")));
      emit("for all", Map.of());

      assertReceived(alice, "for room-1", "system");
      assertReceived(alice, "for all", "system");
      assertReceived(bob, "for all", "system"); // the room-1 event came first, had bob got it

      assertThat(alice.ackArguments("wsContext", Map.of("context", "room-1", "exit", true)))
          .isEmpty();
      emit("room-1 again", Map.of("contexts", List.of("room-1")));
      emit("all again", Map.of());
      assertReceived(alice, "all again", "system");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void ticketFromTheAppLetsABrowserConnectWithoutPassword(String transport) throws Exception {
    HttpResponse<String> response = ticketRequest(Credentials.basic("bob", "bob").authorization());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    String ticket = JSON.readTree(response.body()).path("ticket").asText();

    try (SocketIoTestClient bob = client(transport).ticket(ticket).connect()) {
      bob.emitWithAck("message", Map.of("text", "via ticket"));
      assertReceived(bob, "via ticket", "bob");
    }
    try (SocketIoTestClient replay = client(transport).ticket(ticket).open()) {
      assertThat(replay.connectError()).isEqualTo("401");
    }
  }

  @Test
  void ticketEndpointNeedsAnAuthenticatedUser() throws Exception {
    assertThat(ticketRequest(null).statusCode()).isEqualTo(401);
    assertThat(ticketRequest(Credentials.basic("alice", "wrong").authorization()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void pageConfigurationNamesKindAndRelativePath() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + httpPort + "/app/config.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    JsonNode config = JSON.readTree(response.body());
    assertThat(config.path("kind").asText()).isEqualTo("socket.io");
    assertThat(config.path("path").asText()).isEqualTo("/ws/chat"); // same origin: no host, no port
    assertThat(config.has("port")).isFalse();
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

  private static JsonNode nextPresence(SocketIoTestClient client, String user, String status)
      throws Exception {
    while (true) {
      JsonNode presence = client.next("presence").data();
      if (user.equals(presence.path("user").asText())
          && status.equals(presence.path("status").asText())) {
        return presence;
      }
    }
  }

  static void assertReceived(SocketIoTestClient client, String text, String user) throws Exception {
    JsonNode data = client.next("received").data();
    assertThat(data.path("text").asText()).isEqualTo(text);
    assertThat(data.path("user").asText()).isEqualTo(user);
  }
}
