package org.cdswebsocket.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.spi.OutboundPayload;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java {@code io.socket:socket.io-client} 2.1.2 over websocket and long-polling. */
class JavaClientIT {

  private static final RecordingHandler HANDLER = new RecordingHandler();
  private static SocketIoGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        new SocketIoGateway(
            SocketIoOptions.builder().port(0).build(),
            List.of("/ws/chat"),
            HANDLER,
            new TestAuthenticator());
    gateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.stop();
  }

  private static Socket socket(String transport, Map<String, String> auth) {
    IO.Options options =
        IO.Options.builder()
            .setTransports(new String[] {transport})
            .setForceNew(true)
            .setReconnection(false)
            .setAuth(auth)
            .build();
    return IO.socket(
        URI.create("http://127.0.0.1:" + gateway.port() + "/ws/chat?id=1234"), options);
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void connectsEmitsWithAckAndReceivesBroadcasts(String transport) throws Exception {
    Socket socket = socket(transport, Map.of("token", "good"));
    CompletableFuture<Void> connected = new CompletableFuture<>();
    CompletableFuture<Object> received = new CompletableFuture<>();
    socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
    socket.on("received", args -> received.complete(args[0]));
    socket.connect();
    try {
      connected.get(10, TimeUnit.SECONDS);
      CompletableFuture<Object> ack = new CompletableFuture<>();

      socket.emit(
          "message",
          new Object[] {new JSONObject(Map.of("text", "hi"))},
          (Ack) args -> ack.complete(args[0]));

      JSONObject result = (JSONObject) ack.get(10, TimeUnit.SECONDS);
      assertThat(result.getString("user")).isEqualTo("alice");
      assertThat(result.getString("id")).isEqualTo("1234");
      assertThat(result.getJSONObject("data").getString("text")).isEqualTo("hi");
      HANDLER.opened.stream()
          .filter(s -> s.isOpen())
          .forEach(s -> s.send(OutboundPayload.data("received", Map.of("text", "x"))));
      assertThat(((JSONObject) received.get(10, TimeUnit.SECONDS)).getString("text"))
          .isEqualTo("x");
    } finally {
      socket.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void wrongTokenGivesConnectError401(String transport) throws Exception {
    Socket socket = socket(transport, Map.of("token", "bad"));
    CompletableFuture<Object> error = new CompletableFuture<>();
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
    socket.connect();
    try {
      assertThat(((JSONObject) error.get(10, TimeUnit.SECONDS)).getString("message"))
          .isEqualTo("401");
    } finally {
      socket.close();
    }
  }
}
