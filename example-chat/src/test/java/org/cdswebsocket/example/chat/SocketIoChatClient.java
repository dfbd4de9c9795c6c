package org.cdswebsocket.example.chat;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * A chat participant on the Java {@code io.socket:socket.io-client}, over one transport; every wait
 * is bounded (10 s).
 *
 * <p>The clients share an OkHttp client with a raised per-host limit: the library's default allows
 * five concurrent requests per host, and every long-polling client holds one open, so a sixth
 * client (or a websocket upgrade) would wait for a ping interval.
 */
final class SocketIoChatClient implements AutoCloseable {

  private static final long WAIT_SECONDS = 10;

  private static final OkHttpClient HTTP = http();
  private final Socket socket;
  private final BlockingQueue<Object[]> events = new LinkedBlockingQueue<>();
  private final Semaphore connects = new Semaphore(0);
  private final CompletableFuture<String> connectError = new CompletableFuture<>();

  /** How a client authenticates. */
  record Auth(Map<String, String> payload, Map<String, List<String>> headers) {
    static Auth none() {
      return new Auth(Map.of(), Map.of());
    }

    static Auth basic(String user, String password) {
      return new Auth(Map.of("authorization", basicValue(user, password)), Map.of());
    }

    static Auth header(String user, String password) {
      return new Auth(Map.of(), Map.of("Authorization", List.of(basicValue(user, password))));
    }

    static Auth ticket(String ticket) {
      return new Auth(Map.of("ticket", ticket), Map.of());
    }
  }

  private SocketIoChatClient(String url, String transport, Auth auth, boolean reconnect) {
    IO.Options options =
        IO.Options.builder()
            .setTransports(new String[] {transport})
            .setForceNew(true)
            .setReconnection(reconnect)
            .setReconnectionDelay(100)
            .setReconnectionDelayMax(500)
            .setAuth(auth.payload())
            .setExtraHeaders(auth.headers())
            .build();
    options.callFactory = HTTP;
    options.webSocketFactory = HTTP;
    socket = IO.socket(URI.create(url), options);
    socket.on(Socket.EVENT_CONNECT, args -> connects.release());
    socket.on(
        Socket.EVENT_CONNECT_ERROR,
        args ->
            connectError.complete(
                args.length > 0 && args[0] instanceof JSONObject error
                    ? error.optString("message")
                    : String.valueOf(Arrays.asList(args))));
    for (String event : List.of("received", "presence")) {
      socket.on(event, args -> events.add(new Object[] {event, args.length > 0 ? args[0] : null}));
    }
    socket.connect();
  }

  /** Connects to the chat as a mock user (Basic credentials in the auth payload) and waits. */
  static SocketIoChatClient join(int port, String transport, String user) throws Exception {
    return join(port, transport, Auth.basic(user, user));
  }

  /** Connects with the given authentication and waits until the namespace is joined. */
  static SocketIoChatClient join(int port, String transport, Auth auth) throws Exception {
    SocketIoChatClient client = open(url(port, "/ws/chat"), transport, auth, false);
    client.awaitConnected();
    return client;
  }

  /** Starts connecting without waiting. */
  static SocketIoChatClient open(String url, String transport, Auth auth, boolean reconnect) {
    return new SocketIoChatClient(url, transport, auth, reconnect);
  }

  static String url(int port, String namespace) {
    return "http://127.0.0.1:" + port + namespace;
  }

  static String basicValue(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Waits for the next (re)connection to the namespace; fails at once when the connection is
   * refused.
   */
  void awaitConnected() throws Exception {
    awaitConnection(true);
  }

  /** Waits for the next reconnection, ignoring the connection errors while the server was away. */
  void awaitReconnected() throws Exception {
    awaitConnection(false);
  }

  private void awaitConnection(boolean failOnError) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!connects.tryAcquire(100, TimeUnit.MILLISECONDS)) {
      if (failOnError && connectError.isDone() && !socket.connected()) {
        throw new AssertionError("Connection refused: " + connectError.get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not connected within " + WAIT_SECONDS + " s");
      }
    }
  }

  /** The message of the {@code connect_error} this client gets. */
  String connectErrorMessage() throws Exception {
    return connectError.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  boolean isConnected() {
    return socket.connected();
  }

  /** Emits an event with an acknowledgement and returns the acknowledgement's arguments. */
  Object[] call(String event, Object... args) throws Exception {
    return callAsync(event, args).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Emits an event; the future completes with the acknowledgement's arguments. */
  CompletableFuture<Object[]> callAsync(String event, Object... args) {
    CompletableFuture<Object[]> ack = new CompletableFuture<>();
    socket.emit(event, args, (Ack) ack::complete);
    return ack;
  }

  /** Emits an event with an acknowledgement and returns the single acknowledgement argument. */
  Object result(String event, Map<String, ?> data) throws Exception {
    Object[] ack = call(event, new JSONObject(data));
    if (ack.length != 1) {
      throw new AssertionError("Expected one ack argument, got " + Arrays.toString(ack));
    }
    return ack[0];
  }

  /** Emits without an acknowledgement. */
  void emit(String event, Object... args) {
    socket.emit(event, args);
  }

  /** The data of the next event of this name (others are skipped). */
  JSONObject next(String event) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      Object[] e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("No '" + event + "' received");
      }
      if (event.equals(e[0])) {
        return (JSONObject) e[1];
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }

  private static OkHttpClient http() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(1_000);
    dispatcher.setMaxRequestsPerHost(1_000);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .readTimeout(1, TimeUnit.MINUTES) // longer than a long-poll (ping interval)
        .build();
  }
}
