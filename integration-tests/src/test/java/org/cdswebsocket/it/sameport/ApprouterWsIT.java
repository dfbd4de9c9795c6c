package org.cdswebsocket.it.sameport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.test.Approuter;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Kind {@code ws} behind a real {@code @sap/approuter}, through its port only: a JDK websocket
 * client with the Origin of a page served by the approuter (the approuter refuses websockets
 * without it) and Basic credentials, which the approuter passes through to the app's mock users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprouterWsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int appPort;
  private Approuter approuter;

  @BeforeAll
  void startApprouter() throws Exception {
    approuter = Approuter.start(appPort);
  }

  @AfterAll
  void stopApprouter() {
    if (approuter != null) {
      approuter.close();
    }
  }

  private CompletionStage<WebSocket> open(String user, LinkedBlockingQueue<String> frames) {
    WebSocket.Builder builder =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(WAIT)
            .header("Origin", approuter.baseUrl());
    if (user != null) {
      builder.header("Authorization", WsTestClient.basic(user, user));
    }
    return builder.buildAsync(
        URI.create("ws://127.0.0.1:" + approuter.port() + "/ws/filter?id=approuter-ws"),
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            frames.add(data.toString());
            ws.request(1);
            return null;
          }
        });
  }

  @Test
  void aKindWsClientConnectsThroughTheApprouterAsTheForwardedUser() throws Exception {
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws =
        open("carol", frames).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    try {
      JsonNode welcome = null;
      for (String frame = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
          frame != null;
          frame = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        JsonNode message = JSON.readTree(frame);
        if ("welcome".equals(message.path("event").asText())) {
          welcome = message;
          break;
        }
      }
      assertThat(welcome).as("welcome frame").isNotNull();
      assertThat(welcome.path("data").path("user").asText()).isEqualTo("carol");
    } finally {
      ws.abort();
    }
  }

  @Test
  void anAnonymousKindWsClientIsRefusedBehindTheApprouter() throws Exception {
    try {
      WebSocket ws =
          open(null, new LinkedBlockingQueue<>())
              .toCompletableFuture()
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      ws.abort();
      throw new AssertionError("an anonymous upgrade was accepted through the approuter");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
          .isIn(401, 403);
    }
  }
}
