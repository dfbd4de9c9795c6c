package org.cdswebsocket.it.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real RFC 6455 client for tests, on the JDK's {@code java.net.http.WebSocket}: connects with
 * Basic credentials, records every received text frame and the close code. All waits are bounded.
 */
public final class WsTestClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final WebSocket socket;

  private WsTestClient(URI uri, String user, String password) throws Exception {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (user != null) {
      builder.header("Authorization", basic(user, password));
    }
    this.socket = builder.buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
  }

  /** Connects as a user; fails if the handshake is refused. */
  public static WsTestClient connect(int port, String path, String user, String password)
      throws Exception {
    return new WsTestClient(URI.create("ws://localhost:" + port + path), user, password);
  }

  /** Tries a handshake and returns the HTTP status it was refused with, or 101 on success. */
  public static int handshakeStatus(int port, String path, String user, String password)
      throws Exception {
    try (WsTestClient client = connect(port, path, user, password)) {
      return 101;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  /** The Basic authorization header value. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a json-format frame. */
  public void send(String event, Map<String, ?> data) throws Exception {
    sendText(JSON.writeValueAsString(Map.of("event", event, "data", data)));
  }

  /** Sends a raw text frame. */
  public void sendText(String text) throws Exception {
    socket.sendText(text, true).get(5, TimeUnit.SECONDS);
  }

  /** Sends one text message as continuation frames of at most {@code partSize} characters. */
  public void sendTextInParts(String text, int partSize) throws Exception {
    for (int start = 0; start < text.length(); start += partSize) {
      int end = Math.min(text.length(), start + partSize);
      socket.sendText(text.substring(start, end), end == text.length()).get(5, TimeUnit.SECONDS);
    }
  }

  /** Sends a binary frame. */
  public void sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(5, TimeUnit.SECONDS);
  }

  /** Waits for the next frame of this event, skipping others; fails after the timeout. */
  public JsonNode next(String event, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode message = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
      if (message == null) {
        throw new AssertionError("No '" + event + "' within " + timeout);
      }
      if (event.equals(message.path("event").asText())) {
        return message;
      }
    }
  }

  /**
   * Returns every frame received up to and including the next frame of {@code event} (the last
   * element); fails if it does not arrive within the timeout. Sent after other events on the same
   * server thread, such a marker event proves that they were or were not delivered, without timing
   * assumptions.
   */
  public List<JsonNode> until(String event, Duration timeout) throws InterruptedException {
    List<JsonNode> before = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode message = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
      if (message == null) {
        throw new AssertionError("No '" + event + "' within " + timeout + "; got " + before);
      }
      before.add(message);
      if (event.equals(message.path("event").asText())) {
        return before;
      }
    }
  }

  /** Collects every frame, of any event, that arrives within the duration. */
  public List<JsonNode> collectAll(Duration within) throws InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    long deadline = System.nanoTime() + within.toNanos();
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      JsonNode message = messages.poll(left, TimeUnit.NANOSECONDS);
      if (message != null) {
        found.add(message);
      }
    }
    return found;
  }

  /** Collects the frames of this event that arrive within the duration. */
  public List<JsonNode> collect(String event, Duration within) throws InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    long deadline = System.nanoTime() + within.toNanos();
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      JsonNode message = messages.poll(left, TimeUnit.NANOSECONDS);
      if (message != null && event.equals(message.path("event").asText())) {
        found.add(message);
      }
    }
    return found;
  }

  /** The close code the server sent, waiting at most the timeout. */
  public int closeCode(Duration timeout) throws Exception {
    return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the server has not closed the connection. */
  public boolean isOpen() {
    return !closeCode.isDone() && !socket.isInputClosed();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          messages.add(JSON.getNodeFactory().textNode(partial.toString()));
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.complete(-1);
    }
  }
}
