package org.cdswebsocket.spi;

import static org.cdswebsocket.spi.WebSocketProperty.bool;
import static org.cdswebsocket.spi.WebSocketProperty.integer;
import static org.cdswebsocket.spi.WebSocketProperty.list;
import static org.cdswebsocket.spi.WebSocketProperty.text;

import java.util.List;

/**
 * Every {@code cds.websocket.*} property the library reads, with type, default and description: the
 * one list that {@link WebSocketSettings}, the documentation and the IDE metadata follow.
 *
 * <p>Socket.IO options under {@code cds.websocket.options} take the Node plugin's camelCase names
 * ({@code pingInterval}) and the kebab-case form ({@code ping-interval}).
 */
public final class WebSocketProperties {

  private static final String P = "cds.websocket.";
  private static final String OPTIONS = P + "options.";

  /** Switches cds-websocket off entirely. */
  public static final WebSocketProperty<Boolean> ENABLED =
      bool(P + "enabled", true, "Whether cds-websocket serves websocket-enabled CDS services.");

  /** The transport kind. */
  public static final WebSocketProperty<String> KIND =
      text(
              P + "kind",
              "ws",
              "Transport kind: 'ws' (plain WebSockets) or 'socket.io' (also 'socketio'), any case.")
          .values("ws", "socket.io");

  /** The protocol path prefix of relative service paths. */
  public static final WebSocketProperty<String> PATH =
      text(P + "path", "/ws", "Prefix of relative websocket service paths, e.g. /ws/chat.");

  /** The default message format. */
  public static final WebSocketProperty<String> FORMAT =
      text(P + "format", "json", "Default message format of services and events.").values("json");

  /** The largest inbound message. */
  public static final WebSocketProperty<Integer> MAX_MESSAGE_SIZE =
      integer(
          P + "max-message-size",
          1_000_000,
          "Largest inbound message in bytes; larger ones close the connection (ws: 1009).");

  /** Frames queued per client before it counts as too slow. */
  public static final WebSocketProperty<Integer> SEND_QUEUE_LIMIT =
      integer(
          P + "send-queue-limit",
          10_000,
          "Frames queued for one client before it is disconnected as a slow consumer.");

  /** Contexts one socket may be in. */
  public static final WebSocketProperty<Integer> LIMITS_CONTEXTS =
      integer(
          P + "limits.contexts",
          100,
          "Contexts one socket may be in; a wsContext request beyond it is refused with 400.");

  /** Longest context name. */
  public static final WebSocketProperty<Integer> LIMITS_CONTEXT_LENGTH =
      integer(P + "limits.context-length", 256, "Longest context name, in characters.");

  /** Longest client identifier. */
  public static final WebSocketProperty<Integer> LIMITS_IDENTIFIER_LENGTH =
      integer(
          P + "limits.identifier-length",
          256,
          "Longest client identifier (?id=), in characters; longer ones are refused at connect.");

  /** Kind ws: sender threads. */
  public static final WebSocketProperty<Integer> WS_SENDER_THREADS =
      integer(
          P + "ws.sender-threads",
          0,
          "Kind ws: threads that write the per-connection queues; 0: half the available"
              + " processors, at least 1.");

  /** Kind ws: send timeout. */
  public static final WebSocketProperty<Long> WS_SEND_TIMEOUT =
      new WebSocketProperty<>(
          P + "ws.send-timeout",
          List.of(),
          Long.class,
          10_000L,
          "Kind ws: milliseconds a write may wait for a client that does not read before the"
              + " client is closed (1013).");

  /** Kind ws: the {@code X-Authorization} cookie bridge. */
  public static final WebSocketProperty<Boolean> AUTH_COOKIE =
      bool(
          P + "auth-cookie",
          null,
          "Kind ws: accept the Node-style X-Authorization cookie (Basic only); it is only ever on"
              + " while CAP mock users are active, and false switches it off.");

  /** Both kinds: browser origins besides the app's own. */
  public static final WebSocketProperty<List<String>> ALLOWED_ORIGINS =
      list(
          P + "allowed-origins",
          "Browser origins (scheme://host[:port]) allowed to open sockets besides the app's own;"
              + " '*' allows any. Other origins get 403 before the upgrade.");

  /** Kind socket.io: the standalone port; unset serves Socket.IO on the application's port. */
  public static final WebSocketProperty<Integer> PORT =
      integer(
          P + "port",
          null,
          "Kind socket.io: unset (default) serves Socket.IO on the application's HTTP port through"
              + " its security chain; a number starts a standalone Socket.IO server on that TCP"
              + " port instead (0 picks one).");

  /** Kind socket.io: the interface to bind. */
  public static final WebSocketProperty<String> OPTIONS_HOSTNAME =
      text(OPTIONS + "hostname", null, "Kind socket.io: interface to bind; default all.");

  /** Kind socket.io: the Engine.IO path. */
  public static final WebSocketProperty<String> OPTIONS_PATH =
      text(OPTIONS + "path", "/socket.io", "Kind socket.io: the Engine.IO path.");

  /** Kind socket.io: ping interval. */
  public static final WebSocketProperty<Integer> OPTIONS_PING_INTERVAL =
      integer(OPTIONS + "pingInterval", 25_000, "Kind socket.io: Engine.IO ping interval in ms.")
          .alias(OPTIONS + "ping-interval");

  /** Kind socket.io: ping timeout. */
  public static final WebSocketProperty<Integer> OPTIONS_PING_TIMEOUT =
      integer(OPTIONS + "pingTimeout", 20_000, "Kind socket.io: Engine.IO ping timeout in ms.")
          .alias(OPTIONS + "ping-timeout");

  /** Kind socket.io: largest websocket frame. */
  public static final WebSocketProperty<Integer> OPTIONS_MAX_FRAME_PAYLOAD_LENGTH =
      integer(
              OPTIONS + "maxFramePayloadLength",
              null,
              "Kind socket.io: largest websocket frame in bytes; default max-message-size.")
          .alias(OPTIONS + "max-frame-payload-length");

  /** Kind socket.io: largest polling body. */
  public static final WebSocketProperty<Integer> OPTIONS_MAX_HTTP_CONTENT_LENGTH =
      integer(
              OPTIONS + "maxHttpContentLength",
              null,
              "Kind socket.io: largest long-polling request body in bytes; default"
                  + " max-message-size.")
          .alias(OPTIONS + "max-http-content-length");

  /** Kind socket.io: CORS origins (the Node plugin's name). */
  public static final WebSocketProperty<List<String>> OPTIONS_CORS_ORIGIN =
      list(
          OPTIONS + "cors.origin",
          "Kind socket.io: further allowed origins, added to allowed-origins (Node's name).");

  /** Kind socket.io: transports. */
  public static final WebSocketProperty<List<String>> OPTIONS_TRANSPORTS =
      new WebSocketProperty<List<String>>(
          OPTIONS + "transports",
          List.of(),
          List.class,
          List.of("polling", "websocket"),
          "Kind socket.io: enabled transports, polling and/or websocket.",
          List.of("polling", "websocket"));

  /** Kind socket.io: permessage-deflate. */
  public static final WebSocketProperty<Boolean> OPTIONS_PER_MESSAGE_DEFLATE =
      bool(OPTIONS + "perMessageDeflate", false, "Kind socket.io: negotiate permessage-deflate.")
          .alias(OPTIONS + "per-message-deflate");

  /** Kind socket.io: worker threads. */
  public static final WebSocketProperty<Integer> OPTIONS_WORKER_THREADS =
      integer(OPTIONS + "workerThreads", 16, "Kind socket.io: threads that run CAP calls.")
          .alias(OPTIONS + "worker-threads");

  /** Kind socket.io: worker queue. */
  public static final WebSocketProperty<Integer> OPTIONS_WORKER_QUEUE_SIZE =
      integer(
              OPTIONS + "workerQueueSize",
              1_000,
              "Kind socket.io: calls waiting for a worker before clients get error 503.")
          .alias(OPTIONS + "worker-queue-size");

  /** Kind socket.io: per-session queue. */
  public static final WebSocketProperty<Integer> OPTIONS_SESSION_QUEUE_SIZE =
      integer(
              OPTIONS + "sessionQueueSize",
              100,
              "Kind socket.io: calls one socket may have waiting before it gets error 503.")
          .alias(OPTIONS + "session-queue-size");

  /** Kind socket.io: authentication threads. */
  public static final WebSocketProperty<Integer> OPTIONS_AUTH_THREADS =
      integer(OPTIONS + "authThreads", 2, "Kind socket.io: threads that authenticate connects.")
          .alias(OPTIONS + "auth-threads");

  /** Kind socket.io: authentication queue. */
  public static final WebSocketProperty<Integer> OPTIONS_AUTH_QUEUE_SIZE =
      integer(
              OPTIONS + "authQueueSize",
              64,
              "Kind socket.io: connects waiting for authentication before further ones get"
                  + " connect_error 503.")
          .alias(OPTIONS + "auth-queue-size");

  /** Kind socket.io: refused connects per connection. */
  public static final WebSocketProperty<Integer> OPTIONS_FAILED_CONNECT_LIMIT =
      integer(
              OPTIONS + "failedConnectLimit",
              5,
              "Kind socket.io: refused namespace connects after which the connection is closed.")
          .alias(OPTIONS + "failed-connect-limit");

  /** Kind socket.io: time to join a namespace. */
  public static final WebSocketProperty<Integer> OPTIONS_CONNECT_TIMEOUT =
      integer(
              OPTIONS + "connectTimeout",
              10_000,
              "Kind socket.io: ms a connection may stay without joining a namespace.")
          .alias(OPTIONS + "connect-timeout");

  /** Kind socket.io: namespaces per connection. */
  public static final WebSocketProperty<Integer> OPTIONS_MAX_NAMESPACES =
      integer(
              OPTIONS + "maxNamespaces",
              20,
              "Kind socket.io: namespaces one connection may join at once.")
          .alias(OPTIONS + "max-namespaces");

  /** Kind socket.io: ticket lifetime. */
  public static final WebSocketProperty<Integer> TICKET_TTL_SECONDS =
      integer(P + "ticket.ttl-seconds", 30, "Kind socket.io: lifetime of a connection ticket.");

  /** Kind socket.io: the ticket endpoint switch. */
  public static final WebSocketProperty<Boolean> TICKET_ENDPOINT_ENABLED =
      bool(P + "ticket.endpoint.enabled", true, "Kind socket.io: serve the ticket endpoint.");

  /** Kind socket.io: the ticket endpoint path. */
  public static final WebSocketProperty<String> TICKET_ENDPOINT_PATH =
      text(
          P + "ticket.endpoint.path", "/ws-ticket", "Kind socket.io: path of the ticket endpoint.");

  /** Cluster: adapter name. */
  public static final WebSocketProperty<String> ADAPTER_IMPL =
      text(
              P + "adapter.impl",
              null,
              "Cluster adapter: 'redis' (also the Node names '@socket.io/redis-adapter' and"
                  + " '@socket.io/redis-streams-adapter', all served by the Redisson bus) or the"
                  + " class name of a ClusterBusFactory.")
          .values("redis", "@socket.io/redis-adapter", "@socket.io/redis-streams-adapter");

  /** Cluster: activation. */
  public static final WebSocketProperty<Boolean> ADAPTER_ACTIVE =
      bool(
          P + "adapter.active",
          null,
          "Cluster adapter: true forces it on, false off; default on when running on Cloud"
              + " Foundry.");

  /** Cluster: local activation. */
  public static final WebSocketProperty<Boolean> ADAPTER_LOCAL =
      bool(P + "adapter.local", false, "Cluster adapter: also use it outside Cloud Foundry.");

  /** Cluster: channel. */
  public static final WebSocketProperty<String> ADAPTER_OPTIONS_KEY =
      text(P + "adapter.options.key", "websocket", "Cluster adapter: the pub/sub channel name.");

  /** Cluster: Redis address. */
  public static final WebSocketProperty<String> ADAPTER_CONFIG_ADDRESS =
      text(
          P + "adapter.config.address",
          "redis://127.0.0.1:6379",
          "Redis address when no redis-cache service binding exists.");

  /** Cluster: Redis password. */
  public static final WebSocketProperty<String> ADAPTER_CONFIG_PASSWORD =
      text(P + "adapter.config.password", null, "Redis password when no service binding exists.");

  /** Cluster: Redis database. */
  public static final WebSocketProperty<Integer> ADAPTER_CONFIG_DATABASE =
      integer(P + "adapter.config.database", 0, "Redis database when no service binding exists.");

  /** Cluster: Redis connect timeout. */
  public static final WebSocketProperty<Integer> ADAPTER_CONFIG_CONNECT_TIMEOUT =
      integer(P + "adapter.config.connect-timeout", 3000, "Redis connect timeout in ms.");

  /** Recipients: operator of include filters. */
  public static final WebSocketProperty<String> OPERATOR_INCLUDE =
      text(P + "operator.include", "or", "How include filters combine: 'or' or 'and'.")
          .values("or", "and");

  /** Recipients: operator of exclude filters. */
  public static final WebSocketProperty<String> OPERATOR_EXCLUDE =
      text(P + "operator.exclude", "or", "How exclude filters combine: 'or' or 'and'.")
          .values("or", "and");

  /** All properties, in documentation order. */
  public static final List<WebSocketProperty<?>> ALL =
      List.of(
          ENABLED,
          KIND,
          PATH,
          FORMAT,
          MAX_MESSAGE_SIZE,
          SEND_QUEUE_LIMIT,
          LIMITS_CONTEXTS,
          LIMITS_CONTEXT_LENGTH,
          LIMITS_IDENTIFIER_LENGTH,
          WS_SENDER_THREADS,
          WS_SEND_TIMEOUT,
          AUTH_COOKIE,
          ALLOWED_ORIGINS,
          PORT,
          OPTIONS_HOSTNAME,
          OPTIONS_PATH,
          OPTIONS_PING_INTERVAL,
          OPTIONS_PING_TIMEOUT,
          OPTIONS_MAX_FRAME_PAYLOAD_LENGTH,
          OPTIONS_MAX_HTTP_CONTENT_LENGTH,
          OPTIONS_CORS_ORIGIN,
          OPTIONS_TRANSPORTS,
          OPTIONS_PER_MESSAGE_DEFLATE,
          OPTIONS_WORKER_THREADS,
          OPTIONS_WORKER_QUEUE_SIZE,
          OPTIONS_SESSION_QUEUE_SIZE,
          OPTIONS_AUTH_THREADS,
          OPTIONS_AUTH_QUEUE_SIZE,
          OPTIONS_FAILED_CONNECT_LIMIT,
          OPTIONS_CONNECT_TIMEOUT,
          OPTIONS_MAX_NAMESPACES,
          TICKET_TTL_SECONDS,
          TICKET_ENDPOINT_ENABLED,
          TICKET_ENDPOINT_PATH,
          ADAPTER_IMPL,
          ADAPTER_ACTIVE,
          ADAPTER_LOCAL,
          ADAPTER_OPTIONS_KEY,
          ADAPTER_CONFIG_ADDRESS,
          ADAPTER_CONFIG_PASSWORD,
          ADAPTER_CONFIG_DATABASE,
          ADAPTER_CONFIG_CONNECT_TIMEOUT,
          OPERATOR_INCLUDE,
          OPERATOR_EXCLUDE);

  private WebSocketProperties() {}
}
