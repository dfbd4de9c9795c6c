package org.cdswebsocket.example.todo;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * One page's worth of Socket.IO client on the Java {@code io.socket:socket.io-client}: connects to
 * TodoService as a mock user, calls entity events with acknowledgements and records the CRUD
 * broadcasts it receives. Every wait is bounded.
 */
final class TodoClient implements AutoCloseable {

  /** The broadcasts TodoService sends for {@code Todos}. */
  static final List<String> BROADCASTS = List.of("Todos:created", "Todos:updated", "Todos:deleted");

  private static final long WAIT_SECONDS = 10;

  /** A received broadcast. */
  record Received(String event, JSONObject data) {}

  private final OkHttpClient http = new OkHttpClient();
  private final Socket socket;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<String> outcome = new CompletableFuture<>();

  private TodoClient(int port, String user, String password) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    IO.Options options =
        IO.Options.builder()
            .setTransports(new String[] {"websocket"})
            .setForceNew(true)
            .setReconnection(false)
            .setAuth(Map.of("authorization", "Basic " + basic))
            .build();
    // an own OkHttp client per socket: the library's shared one limits requests per host
    options.callFactory = http;
    options.webSocketFactory = http;
    socket =
        IO.socket(
            URI.create("http://127.0.0.1:" + port + ClientConfigController.NAMESPACE), options);
    socket.on(Socket.EVENT_CONNECT, args -> outcome.complete("connected"));
    socket.on(
        Socket.EVENT_CONNECT_ERROR,
        args ->
            outcome.complete(
                args.length > 0 && args[0] instanceof JSONObject error
                    ? error.optString("message")
                    : "connect_error"));
    for (String event : BROADCASTS) {
      socket.on(event, args -> received.add(new Received(event, (JSONObject) args[0])));
    }
    socket.connect();
  }

  /** Connects and waits until the namespace is joined. */
  static TodoClient connect(int port, String user) throws Exception {
    TodoClient client = new TodoClient(port, user, user);
    String outcome = client.outcome();
    if (!"connected".equals(outcome)) {
      client.close();
      throw new AssertionError(user + " could not connect: " + outcome);
    }
    return client;
  }

  /** Starts connecting with the given password; {@link #outcome()} tells how it went. */
  static TodoClient attempt(int port, String user, String password) {
    return new TodoClient(port, user, password);
  }

  /** {@code connected}, or the message of the {@code connect_error}. */
  String outcome() throws Exception {
    return outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Emits an entity event and returns the single argument of its acknowledgement. */
  Object call(String event, Map<String, ?> data) throws Exception {
    CompletableFuture<Object[]> ack = new CompletableFuture<>();
    socket.emit(event, new Object[] {new JSONObject(data)}, (Ack) ack::complete);
    Object[] args = ack.get(WAIT_SECONDS, TimeUnit.SECONDS);
    if (args.length != 1) {
      throw new AssertionError(event + " acknowledged with " + args.length + " arguments");
    }
    return args[0];
  }

  /** Like {@link #call}, for events acknowledged with a row. */
  JSONObject row(String event, Map<String, ?> data) throws Exception {
    return (JSONObject) call(event, data);
  }

  /** The next broadcast this client received, whatever its event. */
  Received next() throws InterruptedException {
    Received next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("No broadcast within " + WAIT_SECONDS + " s");
    }
    return next;
  }

  @Override
  public void close() {
    socket.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
