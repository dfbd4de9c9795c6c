package org.cdswebsocket.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sap.cds.services.runtime.CdsRuntime;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.cdswebsocket.socketio.SocketIoServerHandle;

/**
 * A client of kind {@code socket.io} (Socket.IO v4) on the Java {@code io.socket:socket.io-client}:
 * joins one namespace ({@code /ws/<service>}) as a mock user, calls operations and entity CRUD
 * events with acknowledgements, and records every event it receives (name and first argument as
 * JSON), the {@code connect_error} message and the disconnect reason.
 *
 * <p>Credentials go into the Socket.IO {@code auth} payload as {@code {authorization: "Basic ..."}}
 * (as browser clients send them); {@link Builder#authorizationHeader} sends them as HTTP header
 * instead, {@link Builder#ticket} sends a one-time ticket from {@code GET /ws-ticket}. Results and
 * errors come back as acknowledgement: a result as JSON, an error as {@code {"error": {"code": ...,
 * "message": ...}}}.
 *
 * <p>Every wait is bounded (default ten seconds, {@link Builder#timeout}) and fails with an {@link
 * AssertionError} naming what was missing. Each client has its own Engine.IO connection and does
 * not reconnect unless {@link Builder#reconnect} says so. The clients share one OkHttp client with
 * raised per-host limits (OkHttp's default of five requests per host would stall the sixth
 * long-polling client).
 *
 * <p>Threading: events are recorded on the library's event thread; emit and wait from one test
 * thread. {@link #close()} disconnects; use try-with-resources.
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

    /** The transport of an Engine.IO name ({@code websocket} or {@code polling}). */
    public static Transport of(String name) {
      for (Transport transport : values()) {
        if (transport.value.equals(name)) {
          return transport;
        }
      }
      throw new IllegalArgumentException("Unknown transport: " + name);
    }
  }

  /**
   * One received event.
   *
   * @param name the event name
   * @param data its first argument as JSON; {@link MissingNode} when it had none
   */
  public record Event(String name, JsonNode data) {}

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final OkHttpClient HTTP = http();

  private final Socket socket;
  private final Duration timeout;
  private final EventQueue<Event> events = new EventQueue<>();
  private final Semaphore connects = new Semaphore(0);
  private final CompletableFuture<String> connectError = new CompletableFuture<>();

  /** The newest transport or connect error, for failure messages. */
  private volatile String lastError = "none";

  private final CompletableFuture<String> disconnected = new CompletableFuture<>();

  private SocketIoTestClient(Builder builder) {
    this.timeout = builder.timeout;
    IO.Options options = new IO.Options();
    options.forceNew = true;
    options.reconnection = builder.reconnect;
    options.reconnectionDelay = 100;
    options.reconnectionDelayMax = 500;
    options.transports = new String[] {builder.transport.value};
    options.auth = builder.auth;
    options.extraHeaders = builder.headers;
    if (builder.identifier != null) {
      options.query = "id=" + builder.identifier;
    }
    options.callFactory = HTTP;
    options.webSocketFactory = HTTP;
    socket = IO.socket(builder.uri, options);
    socket.on(Socket.EVENT_CONNECT, args -> connects.release());
    socket.on(
        Socket.EVENT_CONNECT_ERROR,
        args -> {
          lastError = SocketIoArguments.message(args);
          connectError.complete(lastError);
        });
    socket.on(
        Socket.EVENT_DISCONNECT, args -> disconnected.complete(SocketIoArguments.message(args)));
    socket.onAnyIncoming(
        args -> events.add(new Event((String) args[0], SocketIoArguments.first(tail(args)))));
    socket.connect();
  }

  /**
   * Starts a client of {@code http://127.0.0.1:<port><namespace>} (e.g. {@code /ws/chat}).
   *
   * @param port the Socket.IO server's port, e.g. {@link #port(CdsRuntime)}
   */
  public static Builder builder(int port, String namespace) {
    return new Builder(URI.create("http://127.0.0.1:" + port + namespace));
  }

  /**
   * Joins the namespace over websocket as a mock user whose password is the user name, and waits
   * until the server accepted the join; fails at once if it is refused.
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
    return mockUser(port, namespace, user, identifier, transport).connect();
  }

  /**
   * Starts joining without waiting, e.g. to observe a refusal with {@link #connectError}.
   *
   * @param user the mock user (password = user name), or {@code null} for no credentials
   */
  public static SocketIoTestClient open(
      int port, String namespace, String user, String identifier, Transport transport) {
    return mockUser(port, namespace, user, identifier, transport).open();
  }

  private static Builder mockUser(
      int port, String namespace, String user, String identifier, Transport transport) {
    Builder builder = builder(port, namespace).identifier(identifier).transport(transport);
    return user == null ? builder : builder.basic(user, user);
  }

  /**
   * The bound port of the app's Socket.IO server (kind {@code socket.io}, e.g. started with {@code
   * cds.websocket.port=0}).
   *
   * @throws IllegalStateException if the server is not running
   */
  public static int port(CdsRuntime runtime) {
    SocketIoServerHandle handle =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
    if (handle == null || !handle.isRunning()) {
      throw new IllegalStateException("The Socket.IO server is not running");
    }
    // same-port mode binds no port of its own: Socket.IO is on the app's HTTP port
    return handle.port() > 0
        ? handle.port()
        : runtime.getEnvironment().getProperty("local.server.port", Integer.class, -1);
  }

  /** Waits until the namespace is joined; fails when the join is refused or times out. */
  public void awaitConnected() throws Exception {
    awaitConnection(true);
  }

  /**
   * Waits for the next (re)connection of a {@link Builder#reconnect reconnecting} client, ignoring
   * the connection errors while the server was away.
   */
  public void awaitReconnected() throws Exception {
    awaitConnection(false);
  }

  private void awaitConnection(boolean failOnError) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!connects.tryAcquire(50, TimeUnit.MILLISECONDS)) {
      if (failOnError && connectError.isDone() && !socket.connected()) {
        throw new AssertionError("Connection refused: " + connectError.get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not connected within " + timeout + "; last error: " + lastError);
      }
    }
  }

  /** The message of the {@code connect_error} this client got, within the client's timeout. */
  public String connectError() throws Exception {
    return connectError(timeout);
  }

  /** The message of the {@code connect_error} this client got, waiting at most the timeout. */
  public String connectError(Duration timeout) throws Exception {
    return await(connectError, "connect_error", timeout);
  }

  /** The disconnect reason (e.g. {@code "io server disconnect"}), waiting at most the timeout. */
  public String disconnectReason(Duration timeout) throws Exception {
    return await(disconnected, "disconnect", timeout);
  }

  /** Whether the socket is joined to its namespace. */
  public boolean isConnected() {
    return socket.connected();
  }

  /** The socket id the server assigned when the namespace was joined. */
  public String id() {
    return socket.id();
  }

  /**
   * Emits an event without acknowledgement. Maps and collections are sent as JSON objects and
   * arrays, other values as they are ({@code byte[]} as binary attachment).
   */
  public void emit(String event, Object... args) {
    socket.emit(event, SocketIoArguments.toWire(args));
  }

  /**
   * Emits an event with one data argument and waits for its acknowledgement: calls an operation
   * ({@code emitWithAck("message", Map.of("text", "hi"))}) or an entity event.
   *
   * @return the first acknowledgement argument: the result, {@code {"error": {...}}}, or {@link
   *     MissingNode} if the server acknowledged without argument
   * @throws AssertionError if no acknowledgement arrives within the client's timeout
   */
  public JsonNode emitWithAck(String event, Object data) throws Exception {
    List<JsonNode> args = ackArguments(event, data);
    return args.isEmpty() ? MissingNode.getInstance() : args.get(0);
  }

  /** Emits an event with the given arguments and returns every acknowledgement argument. */
  public List<JsonNode> ackArguments(String event, Object... args) throws Exception {
    return await(emitAsync(event, args), "acknowledgement of '" + event + "'", timeout);
  }

  /**
   * Emits an event with an acknowledgement callback without waiting: the future completes with
   * every acknowledgement argument (on the library's event thread).
   */
  public CompletableFuture<List<JsonNode>> emitAsync(String event, Object... args) {
    CompletableFuture<Object[]> ack = new CompletableFuture<>();
    socket.emit(event, SocketIoArguments.toWire(args), (Ack) ack::complete);
    return ack.thenApply(SocketIoArguments::fromWire);
  }

  /** {@code <Entity>:create}: the created row (generated keys, defaults), or an error. */
  public JsonNode create(String entity, Map<String, ?> data) throws Exception {
    return emitWithAck(entity + ":create", data);
  }

  /** {@code <Entity>:read} by key: the row, {@code null}, or an error. */
  public JsonNode read(String entity, Map<String, ?> keys) throws Exception {
    return emitWithAck(entity + ":read", keys);
  }

  /** {@code <Entity>:readDeep} by key: the row with its compositions, {@code null}, or an error. */
  public JsonNode readDeep(String entity, Map<String, ?> keys) throws Exception {
    return emitWithAck(entity + ":readDeep", keys);
  }

  /** {@code <Entity>:update} by the keys in {@code data}: the updated row, or an error. */
  public JsonNode update(String entity, Map<String, ?> data) throws Exception {
    return emitWithAck(entity + ":update", data);
  }

  /** {@code <Entity>:delete} by key: the key, or an error. */
  public JsonNode delete(String entity, Map<String, ?> keys) throws Exception {
    return emitWithAck(entity + ":delete", keys);
  }

  /** {@code <Entity>:list} with an equality filter ({@code Map.of()} lists all): an array. */
  public JsonNode list(String entity, Map<String, ?> filter) throws Exception {
    return emitWithAck(entity + ":list", filter);
  }

  /** The next event of this name (skipping others) within the client's timeout. */
  public Event next(String event) throws InterruptedException {
    return next(event, timeout);
  }

  /**
   * The next event of this name, skipping (and dropping) events of other names.
   *
   * @throws AssertionError if none arrives within the timeout
   */
  public Event next(String event, Duration timeout) throws InterruptedException {
    return events.next(e -> event.equals(e.name()), "'" + event + "'", timeout);
  }

  /** The next event matching {@code wanted}, skipping (and dropping) others. */
  public Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
    return events.next(wanted, "matching event", timeout);
  }

  /**
   * Every event received up to and including the next event of this name (the last element). A
   * marker the server sends after the events under test proves what was or was not delivered,
   * without timing assumptions.
   */
  public List<Event> until(String event, Duration timeout) throws InterruptedException {
    return events.until(e -> event.equals(e.name()), "'" + event + "'", timeout);
  }

  /** Every event up to and including the next one matching {@code last} (the last element). */
  public List<Event> until(Predicate<Event> last, Duration timeout) throws InterruptedException {
    return events.until(last, "matching event", timeout);
  }

  /** Every event, of any name, that arrives within the duration (waits the whole duration). */
  public List<Event> collectAll(Duration within) throws InterruptedException {
    return events.collect(within);
  }

  /** The events of this name that arrive within the duration (waits the whole duration). */
  public List<Event> collect(String event, Duration within) throws InterruptedException {
    return events.collect(within).stream().filter(e -> e.name().equals(event)).toList();
  }

  /** Disconnects and stops listening. */
  @Override
  public void close() {
    socket.off();
    socket.offAnyIncoming();
    socket.close();
  }

  private static <T> T await(CompletableFuture<T> future, String what, Duration timeout)
      throws Exception {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No " + what + " within " + timeout, e);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " failed", e.getCause());
    }
  }

  private static Object[] tail(Object[] args) {
    Object[] rest = new Object[Math.max(0, args.length - 1)];
    System.arraycopy(args, 1, rest, 0, rest.length);
    return rest;
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

  /** Connection settings; {@link #connect()} joins, {@link #open()} starts joining. */
  public static final class Builder {
    private final URI uri;
    private final Map<String, String> auth = new HashMap<>();
    private final Map<String, List<String>> headers = new HashMap<>();
    private String identifier;
    private Transport transport = Transport.WEBSOCKET;
    private boolean reconnect;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(URI uri) {
      this.uri = uri;
    }

    /** Credentials in the {@code auth} payload, as browsers send them (default: none). */
    public Builder credentials(Credentials credentials) {
      if (credentials.isNone()) {
        auth.remove("authorization");
      } else {
        auth.put("authorization", credentials.authorization());
      }
      return this;
    }

    /**
     * Basic credentials of a mock user, in the {@code auth} payload (checked on a standalone port)
     * and as {@code Authorization} header (checked by the app's security chain on its own port).
     */
    public Builder basic(String user, String password) {
      authorizationHeader(Credentials.basic(user, password));
      return credentials(Credentials.basic(user, password));
    }

    /** Credentials as HTTP {@code Authorization} header of the Engine.IO requests instead. */
    public Builder authorizationHeader(Credentials credentials) {
      headers.put("Authorization", List.of(credentials.authorization()));
      return this;
    }

    /** A one-time ticket (from the app's {@code GET /ws-ticket}) in the {@code auth} payload. */
    public Builder ticket(String ticket) {
      auth.put("ticket", ticket);
      return this;
    }

    /** The client identifier ({@code ?id=}), or {@code null}. */
    public Builder identifier(String identifier) {
      this.identifier = identifier;
      return this;
    }

    /** The only transport the client uses (default websocket). */
    public Builder transport(Transport transport) {
      this.transport = transport;
      return this;
    }

    /** Whether the client reconnects after losing the server (default {@code false}). */
    public Builder reconnect(boolean reconnect) {
      this.reconnect = reconnect;
      return this;
    }

    /** The bound of every wait of the client (default ten seconds). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Starts joining without waiting. */
    public SocketIoTestClient open() {
      return new SocketIoTestClient(this);
    }

    /** Joins and waits until the server accepted; fails at once if it refused. */
    public SocketIoTestClient connect() throws Exception {
      SocketIoTestClient client = open();
      try {
        client.awaitConnected();
      } catch (Exception | AssertionError e) {
        client.close();
        throw e;
      }
      return client;
    }
  }
}
