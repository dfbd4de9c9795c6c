package org.cdswebsocket.spi;

import static org.cdswebsocket.spi.WebSocketProperties.*;

import java.util.List;
import java.util.Objects;

/**
 * The {@code cds.websocket.*} settings, typed, read once at start-up by core and handed to the
 * active adapter in its {@link TransportContext}. Every property, its default and its description
 * is listed in {@link WebSocketProperties}.
 *
 * <p>This record decides for everybody whether cds-websocket is {@link #enabled()} and which {@link
 * #kind()} runs; the adapters' Spring conditions use {@link #activeKind(SettingsSource)}, which
 * reads the same two properties the same way. Immutable and thread-safe.
 *
 * <p>Errors: {@link #read(SettingsSource)} throws {@link IllegalArgumentException} naming the
 * property for an unknown kind, a value of the wrong type, or a limit that is not positive.
 *
 * @param enabled {@code cds.websocket.enabled}
 * @param kind {@code cds.websocket.kind}, normalised
 * @param path {@code cds.websocket.path}: prefix of relative service paths
 * @param format {@code cds.websocket.format}: the default message format
 * @param maxMessageBytes {@code cds.websocket.max-message-size}
 * @param sendQueueLimit {@code cds.websocket.send-queue-limit}
 * @param allowedOrigins {@code cds.websocket.allowed-origins}: browser origins besides the app's
 *     own ({@code *}: any)
 * @param limits what one client may make the server hold ({@code cds.websocket.limits.*})
 * @param ws the options of kind {@code ws}
 * @param socketIo the options of kind {@code socket.io}
 * @param cluster the cluster adapter
 * @param operators how filter kinds combine
 */
public record WebSocketSettings(
    boolean enabled,
    WebSocketKind kind,
    String path,
    String format,
    int maxMessageBytes,
    int sendQueueLimit,
    List<String> allowedOrigins,
    Limits limits,
    Ws ws,
    SocketIo socketIo,
    Cluster cluster,
    Operators operators) {

  public WebSocketSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    positive(MAX_MESSAGE_SIZE, maxMessageBytes);
    positive(SEND_QUEUE_LIMIT, sendQueueLimit);
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** The settings when nothing is configured. */
  public static WebSocketSettings defaults() {
    return read(key -> null);
  }

  /** Reads every setting from {@code source}. */
  public static WebSocketSettings read(SettingsSource source) {
    int maxMessageBytes = MAX_MESSAGE_SIZE.read(source);
    return new WebSocketSettings(
        ENABLED.read(source),
        WebSocketKind.parse(KIND.read(source)),
        PATH.read(source),
        FORMAT.read(source),
        maxMessageBytes,
        SEND_QUEUE_LIMIT.read(source),
        ALLOWED_ORIGINS.read(source),
        new Limits(
            LIMITS_CONTEXTS.read(source),
            LIMITS_CONTEXT_LENGTH.read(source),
            LIMITS_IDENTIFIER_LENGTH.read(source)),
        new Ws(
            WS_SENDER_THREADS.read(source), WS_SEND_TIMEOUT.read(source), AUTH_COOKIE.read(source)),
        SocketIo.read(source, maxMessageBytes),
        new Cluster(
            ADAPTER_IMPL.read(source),
            ADAPTER_ACTIVE.read(source),
            ADAPTER_LOCAL.read(source),
            ADAPTER_OPTIONS_KEY.read(source),
            ADAPTER_CONFIG_ADDRESS.read(source),
            ADAPTER_CONFIG_PASSWORD.read(source),
            ADAPTER_CONFIG_DATABASE.read(source),
            ADAPTER_CONFIG_CONNECT_TIMEOUT.read(source)),
        new Operators(OPERATOR_INCLUDE.read(source), OPERATOR_EXCLUDE.read(source)));
  }

  /**
   * The kind that runs, or {@code null} while cds-websocket is disabled. Reads only {@code enabled}
   * and {@code kind}, so that Spring conditions can call it before CAP exists.
   *
   * @throws IllegalArgumentException for an unknown kind
   */
  public static WebSocketKind activeKind(SettingsSource source) {
    return ENABLED.read(source) ? WebSocketKind.parse(KIND.read(source)) : null;
  }

  private static void positive(WebSocketProperty<?> property, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(property.name() + " must be positive, is " + value);
    }
  }

  /**
   * Bounds on what one client may make the server hold.
   *
   * @param contexts the most contexts one socket can be in (0 allows none)
   * @param contextLength the longest context name, in characters
   * @param identifierLength the longest client identifier, in characters
   */
  public record Limits(int contexts, int contextLength, int identifierLength) {}

  /**
   * Options of kind {@code ws}.
   *
   * @param senderThreads {@code cds.websocket.ws.sender-threads}
   * @param sendTimeoutMillis {@code cds.websocket.ws.send-timeout}
   * @param authCookie {@code cds.websocket.auth-cookie}; {@code null}: on while mock users exist
   */
  public record Ws(int senderThreads, long sendTimeoutMillis, Boolean authCookie) {
    /** {@code senderThreads} 0 means {@link #defaultSenderThreads()}. */
    public Ws {
      if (senderThreads < 0) {
        throw new IllegalArgumentException(
            WS_SENDER_THREADS.name() + " must not be negative, is " + senderThreads);
      }
      if (senderThreads == 0) {
        senderThreads = defaultSenderThreads();
      }
      positive(WS_SEND_TIMEOUT, sendTimeoutMillis);
    }

    /**
     * Half the processors, at least one: writes never block, so a sender thread is busy only while
     * it writes, and the other processors stay free for reading and for the application's work.
     */
    public static int defaultSenderThreads() {
      return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
  }

  /**
   * Options of kind {@code socket.io}; see {@link WebSocketProperties} for each one.
   *
   * @param port the standalone port, or {@code null} for the application's own HTTP port
   * @param hostname the interface to bind, or {@code null} for all
   * @param path the Engine.IO path
   * @param pingIntervalMillis Engine.IO ping interval
   * @param pingTimeoutMillis Engine.IO ping timeout
   * @param maxFramePayloadLength largest websocket frame (default: max-message-size)
   * @param maxHttpContentLength largest polling body (default: max-message-size)
   * @param corsOrigins origins answered with CORS headers
   * @param transports the enabled transports
   * @param perMessageDeflate whether compression is negotiated
   * @param workerThreads threads running CAP calls
   * @param workerQueueSize calls waiting for a worker
   * @param sessionQueueSize calls one socket may have waiting
   * @param ticketTtlSeconds lifetime of a connection ticket
   * @param authThreads threads that authenticate connects
   * @param authQueueSize connects waiting for authentication
   * @param failedConnectLimit refused connects after which a connection is closed
   * @param connectTimeoutMillis time a connection may stay without a namespace
   * @param maxNamespaces namespaces one connection may join
   */
  public record SocketIo(
      Integer port,
      String hostname,
      String path,
      int pingIntervalMillis,
      int pingTimeoutMillis,
      int maxFramePayloadLength,
      int maxHttpContentLength,
      List<String> corsOrigins,
      List<String> transports,
      boolean perMessageDeflate,
      int workerThreads,
      int workerQueueSize,
      int sessionQueueSize,
      int ticketTtlSeconds,
      int authThreads,
      int authQueueSize,
      int failedConnectLimit,
      int connectTimeoutMillis,
      int maxNamespaces) {

    public SocketIo {
      corsOrigins = List.copyOf(corsOrigins);
      transports = List.copyOf(transports);
    }

    /** Whether Socket.IO runs on a port of its own ({@code cds.websocket.port} is set). */
    public boolean standalone() {
      return port != null;
    }

    /**
     * Whether Socket.IO is served on the application's own HTTP port, read from the settings source
     * without reading every other setting (for Spring conditions).
     */
    public static boolean onApplicationPort(SettingsSource source) {
      return PORT.read(source) == null;
    }

    static SocketIo read(SettingsSource source, int maxMessageBytes) {
      Integer frame = OPTIONS_MAX_FRAME_PAYLOAD_LENGTH.read(source);
      Integer http = OPTIONS_MAX_HTTP_CONTENT_LENGTH.read(source);
      return new SocketIo(
          PORT.read(source),
          OPTIONS_HOSTNAME.read(source),
          OPTIONS_PATH.read(source),
          OPTIONS_PING_INTERVAL.read(source),
          OPTIONS_PING_TIMEOUT.read(source),
          frame == null ? maxMessageBytes : frame,
          http == null ? maxMessageBytes : http,
          OPTIONS_CORS_ORIGIN.read(source),
          OPTIONS_TRANSPORTS.read(source),
          OPTIONS_PER_MESSAGE_DEFLATE.read(source),
          OPTIONS_WORKER_THREADS.read(source),
          OPTIONS_WORKER_QUEUE_SIZE.read(source),
          OPTIONS_SESSION_QUEUE_SIZE.read(source),
          TICKET_TTL_SECONDS.read(source),
          OPTIONS_AUTH_THREADS.read(source),
          OPTIONS_AUTH_QUEUE_SIZE.read(source),
          OPTIONS_FAILED_CONNECT_LIMIT.read(source),
          OPTIONS_CONNECT_TIMEOUT.read(source),
          OPTIONS_MAX_NAMESPACES.read(source));
    }
  }

  /**
   * The cluster adapter ({@code cds.websocket.adapter.*}).
   *
   * @param impl the adapter name, or {@code null} for none
   * @param active forced on or off, or {@code null} for the platform default
   * @param local whether to use it outside Cloud Foundry
   * @param channel the pub/sub channel
   * @param address the Redis address without a service binding
   * @param password the Redis password without a service binding, or {@code null}
   * @param database the Redis database without a service binding
   * @param connectTimeoutMillis the Redis connect timeout
   */
  public record Cluster(
      String impl,
      Boolean active,
      boolean local,
      String channel,
      String address,
      String password,
      int database,
      int connectTimeoutMillis) {

    @Override
    public String toString() {
      // never print the password
      return "Cluster[impl=" + impl + ", channel=" + channel + ", address=" + address + "]";
    }
  }

  /**
   * How filter kinds combine ({@code cds.websocket.operator.*}): {@code or} or {@code and}.
   *
   * @param include the operator between include filter kinds
   * @param exclude the operator between exclude filter kinds
   */
  public record Operators(String include, String exclude) {}
}
