package org.cdswebsocket.it.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.sap.cds.services.runtime.CdsRuntime;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A real Socket.IO v4 client for tests, on {@code io.socket:socket.io-client} 2.1: joins one
 * namespace with Basic credentials in the {@code auth} payload (as browsers do), optionally with a
 * client identifier ({@code ?id=}), over websocket or HTTP long-polling only. It records every
 * received event (name and first argument, as JSON), the {@code connect_error} message and the
 * disconnect reason, and calls operations with acknowledgements. All waits are bounded.
 *
 * <p>Every client has its own Engine.IO connection ({@code forceNew}) and never reconnects. The
 * clients share one OkHttp client with raised per-host limits: OkHttp's default of five requests
 * per host would otherwise stall the sixth long-polling client.
 */
public final class SocketIoTestClient implements AutoCloseable {

  /** The Engine.IO transport a client is restricted to. */
  public enum Transport {
    /** Websocket from the first request, no upgrade. */
    WEBSOCKET("websocket"),
    /** HTTP long-polling only. */
    POLLING("polling");

    private final String value;

    Transport(String value) {
      this.value = value;
    }
  }

  /**
   * One received event.
   *
   * @param name the event name
   * @param data its first argument as JSON; {@link MissingNode} when it had none
   */
  public record Event(String name, JsonNode data) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);
  private static final Duration ACK_WAIT = Duration.ofSeconds(10);
  private static final OkHttpClient HTTP = http();

  private final Socket socket;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<Boolean> connected = new CompletableFuture<>();
  private final CompletableFuture<String> connectError = new CompletableFuture<>();
  private final CompletableFuture<String> disconnected = new CompletableFuture<>();

  private SocketIoTestClient(
      int port, String namespace, String user, String identifier, Transport transport) {
    IO.Options options = new IO.Options();
    options.forceNew = true;
    options.reconnection = false;
    options.transports = new String[] {transport.value};
    if (user != null) {
      options.auth = Map.of("authorization", WsTestClient.basic(user, user));
    }
    if (identifier != null) {
      options.query = "id=" + identifier;
    }
    options.callFactory = HTTP;
    options.webSocketFactory = HTTP;
    socket = IO.socket(URI.create("http://127.0.0.1:" + port + namespace), options);
    socket.on(Socket.EVENT_CONNECT, args -> connected.complete(true));
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> connectError.complete(message(args)));
    socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(message(args)));
    socket.onAnyIncoming(
        args ->
            events.add(new Event((String) args[0], args.length > 1 ? json(args[1]) : missing())));
    socket.connect();
  }

  /**
   * Joins the namespace over websocket as a mock user whose password is the user name, and waits
   * until the server acknowledged the join; fails at once if it is refused.
   *
   * @param identifier the client identifier ({@code ?id=}), or {@code null}
   */
  public static SocketIoTestClient connect(
      int port, String namespace, String user, String identifier) throws Exception {
    return connect(port, namespace, user, identifier, Transport.WEBSOCKET);
  }

  /** As {@link #connect(int, String, String, String)}, over the given transport. */
  public static SocketIoTestClient connect(
      int port, String namespace, String user, String identifier, Transport transport)
      throws Exception {
    SocketIoTestClient client = open(port, namespace, user, identifier, transport);
    try {
      client.awaitConnected();
    } catch (Exception | AssertionError e) {
      client.close();
      throw e;
    }
    return client;
  }

  /**
   * Starts joining without waiting, e.g. to observe a refusal with {@link #connectError}.
   *
   * @param user the mock user (password = user name), or {@code null} for no credentials
   */
  public static SocketIoTestClient open(
      int port, String namespace, String user, String identifier, Transport transport) {
    return new SocketIoTestClient(port, namespace, user, identifier, transport);
  }

  /** The bound port of the app's Socket.IO server (kind {@code socket.io}). */
  public static int port(CdsRuntime runtime) {
    int port =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME)
            .port();
    if (port <= 0) {
      throw new IllegalStateException("The Socket.IO server is not running");
    }
    return port;
  }

  /** Waits until the namespace is joined; fails when it is refused or after ten seconds. */
  public void awaitConnected() throws Exception {
    Object outcome =
        CompletableFuture.anyOf(connected, connectError)
            .get(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (!Boolean.TRUE.equals(outcome)) {
      throw new AssertionError("Connection refused: " + outcome);
    }
  }

  /** The message of the {@code connect_error} this client got, waiting at most the timeout. */
  public String connectError(Duration timeout) throws Exception {
    return connectError.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The disconnect reason (e.g. {@code "io server disconnect"}), waiting at most the timeout. */
  public String disconnectReason(Duration timeout) throws Exception {
    return disconnected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the socket is joined to its namespace. */
  public boolean isConnected() {
    return socket.connected();
  }

  /** The socket id the server assigned in its CONNECT packet. */
  public String id() {
    return socket.id();
  }

  /**
   * Emits an event without acknowledgement. Maps and lists are sent as JSON objects and arrays,
   * other values as they are.
   */
  public void emit(String event, Object... args) {
    socket.emit(event, wire(args));
  }

  /**
   * Emits an event with one data argument and an acknowledgement callback; returns the first
   * acknowledgement argument ({@link MissingNode} if the server acknowledged without one). Fails if
   * no acknowledgement arrives within ten seconds.
   */
  public JsonNode emitWithAck(String event, Object data) throws Exception {
    List<JsonNode> args = ackArguments(event, data);
    return args.isEmpty() ? missing() : args.get(0);
  }

  /**
   * Emits an event with the given arguments and an acknowledgement callback; returns every
   * acknowledgement argument. Fails if none arrives within ten seconds.
   */
  public List<JsonNode> ackArguments(String event, Object... args) throws Exception {
    CompletableFuture<Object[]> ack = new CompletableFuture<>();
    socket.emit(event, wire(args), (Ack) ack::complete);
    try {
      return Arrays.stream(ack.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .map(SocketIoTestClient::json)
          .toList();
    } catch (TimeoutException e) {
      throw new AssertionError("No acknowledgement of '" + event + "' within " + ACK_WAIT, e);
    }
  }

  /** Waits for the next event of this name, skipping others; fails after the timeout. */
  public Event next(String event, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event received = poll(deadline);
      if (received == null) {
        throw new AssertionError("No '" + event + "' within " + timeout);
      }
      if (event.equals(received.name())) {
        return received;
      }
    }
  }

  /**
   * Returns every event received up to and including the next event of this name (the last
   * element); fails if it does not arrive within the timeout. A marker the server sends after the
   * events under test proves what was or was not delivered, without timing assumptions.
   */
  public List<Event> until(String event, Duration timeout) throws InterruptedException {
    return until(e -> event.equals(e.name()), timeout);
  }

  /**
   * Returns every event received up to and including the next one matching {@code last} (the last
   * element); fails if none arrives within the timeout.
   */
  public List<Event> until(Predicate<Event> last, Duration timeout) throws InterruptedException {
    List<Event> before = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event received = poll(deadline);
      if (received == null) {
        throw new AssertionError("No matching event within " + timeout + "; got " + before);
      }
      before.add(received);
      if (last.test(received)) {
        return before;
      }
    }
  }

  /** Collects every event, of any name, that arrives within the duration. */
  public List<Event> collectAll(Duration within) throws InterruptedException {
    List<Event> found = new ArrayList<>();
    long deadline = System.nanoTime() + within.toNanos();
    Event received;
    while ((received = poll(deadline)) != null) {
      found.add(received);
    }
    return found;
  }

  /** Collects the events of this name that arrive within the duration. */
  public List<Event> collect(String event, Duration within) throws InterruptedException {
    return collectAll(within).stream().filter(e -> e.name().equals(event)).toList();
  }

  @Override
  public void close() {
    socket.off();
    socket.offAnyIncoming();
    socket.close();
  }

  private Event poll(long deadline) throws InterruptedException {
    long left = deadline - System.nanoTime();
    return left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
  }

  private static Object[] wire(Object[] args) {
    return Arrays.stream(args).map(SocketIoTestClient::wire).toArray();
  }

  /** Maps and collections as org.json values, which the library serialises as JSON. */
  private static Object wire(Object value) {
    try {
      if (value instanceof Map<?, ?>) {
        return new JSONObject(JSON.writeValueAsString(value));
      }
      if (value instanceof Collection<?>) {
        return new JSONArray(JSON.writeValueAsString(value));
      }
      return value == null ? JSONObject.NULL : value;
    } catch (Exception e) {
      throw new IllegalArgumentException("Not serialisable: " + value, e);
    }
  }

  /** A received argument (org.json value) as Jackson JSON. */
  private static JsonNode json(Object value) {
    if (value == null || JSONObject.NULL.equals(value)) {
      return NullNode.getInstance();
    }
    try {
      if (value instanceof JSONObject || value instanceof JSONArray) {
        return JSON.readTree(value.toString());
      }
      return JSON.valueToTree(value);
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable argument: " + value, e);
    }
  }

  private static JsonNode missing() {
    return MissingNode.getInstance();
  }

  private static String message(Object[] args) {
    if (args.length > 0 && args[0] instanceof JSONObject error) {
      return error.optString("message", error.toString());
    }
    if (args.length > 0 && args[0] instanceof Exception e) {
      return String.valueOf(e.getMessage());
    }
    return args.length > 0 ? String.valueOf(args[0]) : "";
  }

  private static OkHttpClient http() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(1_000);
    dispatcher.setMaxRequestsPerHost(1_000);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .readTimeout(1, TimeUnit.MINUTES) // longer than a long-poll (the ping interval)
        .build();
  }
}
