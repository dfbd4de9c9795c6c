package org.cdswebsocket.example.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A chat participant on the JDK's WebSocket client; every wait is bounded. */
final class ChatClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private ChatClient(String url, String user, String password) throws Exception {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    if (user != null) {
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    socket = builder.buildAsync(URI.create(url), new Listener()).get(10, TimeUnit.SECONDS);
  }

  static ChatClient join(int port, String user) throws Exception {
    return new ChatClient("ws://localhost:" + port + "/ws/chat", user, user);
  }

  /** The HTTP status a handshake is refused with, or 101 when it succeeds. */
  static int handshake(String url, String user, String password) throws Exception {
    try (ChatClient ignored = new ChatClient(url, user, password)) {
      return 101;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  void send(String event, Map<String, ?> data) throws Exception {
    sendText(JSON.writeValueAsString(Map.of("event", event, "data", data)));
  }

  void sendText(String text) throws Exception {
    socket.sendText(text, true).get(5, TimeUnit.SECONDS);
  }

  void sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(5, TimeUnit.SECONDS);
  }

  /** The next frame of this event (others are skipped), or an assertion error after 5 s. */
  JsonNode next(String event) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      JsonNode frame = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("No '" + event + "' received");
      }
      if (event.equals(frame.path("event").asText())) {
        return frame;
      }
    }
  }

  /**
   * Waits for the presence event of this user and status; other presence events (of clients of
   * earlier tests whose disconnect is still being processed) are skipped.
   */
  JsonNode nextPresence(String user, String status) throws InterruptedException {
    while (true) {
      JsonNode data = next("presence").path("data");
      if (user.equals(data.path("user").asText()) && status.equals(data.path("status").asText())) {
        return data;
      }
    }
  }

  /** Waits until the server closes the connection and returns the close code. */
  int closeCode() throws Exception {
    return closed.get(5, TimeUnit.SECONDS);
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  Duration quiet() {
    return Duration.ofMillis(300);
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          received.add(JSON.readTree(text.toString()));
        } catch (Exception e) {
          throw new IllegalStateException("Server sent invalid JSON: " + text, e);
        } finally {
          text.setLength(0);
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
  }
}
