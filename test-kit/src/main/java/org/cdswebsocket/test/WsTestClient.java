package org.cdswebsocket.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of kind {@code ws} on the JDK's {@code java.net.http.WebSocket}: connects to a service
 * path ({@code /ws/<service>}) with Basic credentials, sends json-format frames ({@code {"event":
 * ..., "data": {...}}}) and records every frame it receives, as JSON, plus the close code.
 *
 * <p>Kind {@code ws} acknowledges nothing: an operation's effect is observed through the events it
 * emits. Every wait is bounded (default ten seconds, {@link Builder#timeout}) and fails with an
 * {@link AssertionError} naming what was missing.
 *
 * <p>Threading: frames are recorded on the JDK client's thread; send and wait from one test thread.
 * {@link #close()} aborts the connection; use try-with-resources.
 */
public final class WsTestClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final EventQueue<JsonNode> frames = new EventQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final Duration timeout;
  private final WebSocket socket;

  private WsTestClient(Builder builder) throws Exception {
    this.timeout = builder.timeout;
    WebSocket.Builder ws = HTTP.newWebSocketBuilder().connectTimeout(timeout);
    if (!builder.credentials.isNone()) {
      ws.header("Authorization", builder.credentials.authorization());
    }
    builder.headers.forEach(ws::header);
    try {
      this.socket =
          ws.buildAsync(builder.uri(), new Listener())
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No handshake answer within " + timeout, e);
    }
  }

  /**
   * Starts a connection to {@code ws://localhost:<port><path>} (e.g. {@code /ws/chat}).
   *
   * @param port the app's HTTP port ({@code @LocalServerPort} in a {@code @SpringBootTest})
   */
  public static Builder builder(int port, String path) {
    return new Builder(URI.create("ws://localhost:" + port + path));
  }

  /** Starts a connection to a full {@code ws://} URI. */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /** Connects as a user with Basic credentials; fails if the handshake is refused. */
  public static WsTestClient connect(int port, String path, String user, String password)
      throws Exception {
    Builder builder = builder(port, path);
    if (user != null) {
      builder.credentials(Credentials.basic(user, password));
    }
    return builder.connect();
  }

  /**
   * Tries a handshake and returns the HTTP status it was refused with, or 101 on success.
   *
   * @param user the user, or {@code null} for no credentials
   */
  public static int handshakeStatus(int port, String path, String user, String password)
      throws Exception {
    Builder builder = builder(port, path);
    if (user != null) {
      builder.credentials(Credentials.basic(user, password));
    }
    return builder.handshakeStatus();
  }

  /** The Basic authorization header value. */
  public static String basic(String user, String password) {
    return Credentials.basic(user, password).authorization();
  }

  /** Sends a json-format frame {@code {"event": event, "data": data}}. */
  public void send(String event, Map<String, ?> data) throws Exception {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("event", event);
    frame.put("data", data);
    sendText(JSON.writeValueAsString(frame));
  }

  /** Sends a raw text frame, e.g. malformed JSON. */
  public void sendText(String text) throws Exception {
    socket.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Sends one text message as continuation frames of at most {@code partSize} characters, e.g. to
   * test the reassembly of fragmented messages.
   */
  public void sendTextInParts(String text, int partSize) throws Exception {
    for (int start = 0; start < text.length(); start += partSize) {
      int end = Math.min(text.length(), start + partSize);
      socket
          .sendText(text.substring(start, end), end == text.length())
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Sends a binary frame. */
  public void sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next frame of this event (skipping others) within the client's timeout. */
  public JsonNode next(String event) throws InterruptedException {
    return next(event, timeout);
  }

  /**
   * The next frame of this event, skipping (and dropping) frames of other events.
   *
   * @return the whole frame; its payload is {@code frame.path("data")}
   * @throws AssertionError if none arrives within the timeout
   */
  public JsonNode next(String event, Duration timeout) throws InterruptedException {
    return frames.next(frame -> isEvent(frame, event), "'" + event + "'", timeout);
  }

  /**
   * Every frame received up to and including the next frame of {@code event} (the last element).
   * Sent after other events on the same server thread, such a marker event proves that they were or
   * were not delivered, without timing assumptions.
   */
  public List<JsonNode> until(String event, Duration timeout) throws InterruptedException {
    return frames.until(frame -> isEvent(frame, event), "'" + event + "'", timeout);
  }

  /** Every frame, of any event, that arrives within the duration (waits the whole duration). */
  public List<JsonNode> collectAll(Duration within) throws InterruptedException {
    return frames.collect(within);
  }

  /** The frames of this event that arrive within the duration (waits the whole duration). */
  public List<JsonNode> collect(String event, Duration within) throws InterruptedException {
    return frames.collect(within).stream().filter(frame -> isEvent(frame, event)).toList();
  }

  /** The close code the server sent (-1 for a broken connection) within the client's timeout. */
  public int closeCode() throws Exception {
    return closeCode(timeout);
  }

  /** The close code the server sent (-1 for a broken connection), waiting at most the timeout. */
  public int closeCode(Duration timeout) throws Exception {
    try {
      return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Not closed within " + timeout, e);
    }
  }

  /** Whether the server has not closed the connection. */
  public boolean isOpen() {
    return !closeCode.isDone() && !socket.isInputClosed();
  }

  /** Sends a normal close if possible and aborts the connection. */
  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private static boolean isEvent(JsonNode frame, String event) {
    return event.equals(frame.path("event").asText());
  }

  /** Connection settings; {@link #connect()} opens the socket. Not thread-safe. */
  public static final class Builder {
    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Credentials credentials = Credentials.none();
    private String identifier;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(URI base) {
      this.base = base;
    }

    /** The credentials of the handshake (default: none). */
    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Basic credentials of a mock user. */
    public Builder basic(String user, String password) {
      return credentials(Credentials.basic(user, password));
    }

    /** The client identifier ({@code ?id=}), used by identifier filters of emitted events. */
    public Builder identifier(String identifier) {
      this.identifier = identifier;
      return this;
    }

    /** An extra handshake header, e.g. a {@code Cookie}. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The bound of every wait of the client (default ten seconds). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Connects; fails if the handshake is refused or unanswered. */
    public WsTestClient connect() throws Exception {
      return new WsTestClient(this);
    }

    /** Tries the handshake: the HTTP status it was refused with, or 101 when it succeeded. */
    public int handshakeStatus() throws Exception {
      try (WsTestClient ignored = connect()) {
        return 101;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof WebSocketHandshakeException refused) {
          return refused.getResponse().statusCode();
        }
        throw e;
      }
    }

    private URI uri() {
      if (identifier == null) {
        return base;
      }
      String separator = base.getRawQuery() == null ? "?" : "&";
      return URI.create(
          base
              + separator
              + "id="
              + java.net.URLEncoder.encode(identifier, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(parse(partial.toString()));
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

    /** A frame as JSON; a frame that is not JSON as a text node, so tests can see it. */
    private JsonNode parse(String text) {
      try {
        return JSON.readTree(text);
      } catch (Exception e) {
        return JSON.getNodeFactory().textNode(text);
      }
    }
  }
}
