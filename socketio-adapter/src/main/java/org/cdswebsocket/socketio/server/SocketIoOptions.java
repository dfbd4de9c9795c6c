package org.cdswebsocket.socketio.server;

import java.util.List;
import java.util.Objects;
import org.cdswebsocket.spi.WebSocketSettings;

/**
 * The settings of the Socket.IO server, taken from core's {@link WebSocketSettings} ({@code
 * cds.websocket.port}, {@code cds.websocket.options.*}; names and defaults in {@code
 * WebSocketProperties}). Immutable; build with {@link #from} or {@link #builder()}.
 *
 * @param hostname the interface to bind, or {@code null} for all
 * @param port the TCP port; 0 picks a free one
 * @param context the Engine.IO path, default {@code /socket.io}
 * @param pingIntervalMillis Engine.IO ping interval
 * @param pingTimeoutMillis Engine.IO ping timeout
 * @param maxFramePayloadLength largest websocket frame accepted, in bytes
 * @param maxHttpContentLength largest polling request body accepted, in bytes
 * @param allowedOrigins origins accepted besides the server's own host ({@code
 *     cds.websocket.allowed-origins}); {@code *} accepts every origin
 * @param transports enabled transports, {@code polling} and/or {@code websocket}
 * @param compression whether permessage-deflate is negotiated
 * @param workerThreads threads running CAP work
 * @param workerQueueSize calls waiting for a worker before clients get error 503
 * @param sessionQueueSize calls one session may have waiting before it gets error 503
 * @param sendQueueLimit frames queued for one client before it is disconnected as too slow
 * @param authThreads threads that authenticate namespace connects
 * @param authQueueSize connects waiting for authentication before further ones get {@code 503}
 * @param failedConnectLimit refused namespace connects after which the connection is closed
 * @param connectTimeoutMillis how long an Engine.IO connection may stay without an open namespace
 * @param maxNamespaces namespaces one connection may have joined or be joining at once
 */
public record SocketIoOptions(
    String hostname,
    int port,
    String context,
    int pingIntervalMillis,
    int pingTimeoutMillis,
    int maxFramePayloadLength,
    int maxHttpContentLength,
    List<String> allowedOrigins,
    List<String> transports,
    boolean compression,
    int workerThreads,
    int workerQueueSize,
    int sessionQueueSize,
    int sendQueueLimit,
    int authThreads,
    int authQueueSize,
    int failedConnectLimit,
    int connectTimeoutMillis,
    int maxNamespaces) {

  public SocketIoOptions {
    Objects.requireNonNull(context, "context");
    allowedOrigins = List.copyOf(allowedOrigins);
    transports = List.copyOf(transports);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("cds.websocket.port must be between 0 and 65535");
    }
    if (transports.isEmpty() || !List.of("polling", "websocket").containsAll(transports)) {
      throw new IllegalArgumentException(
          "cds.websocket.options.transports must be polling and/or websocket: " + transports);
    }
    positive("pingInterval", pingIntervalMillis);
    positive("pingTimeout", pingTimeoutMillis);
    positive("maxFramePayloadLength", maxFramePayloadLength);
    positive("maxHttpContentLength", maxHttpContentLength);
    positive("worker threads", workerThreads);
    positive("worker queue size", workerQueueSize);
    positive("session queue size", sessionQueueSize);
    positive("send queue limit", sendQueueLimit);
    positive("authThreads", authThreads);
    positive("authQueueSize", authQueueSize);
    positive("failedConnectLimit", failedConnectLimit);
    positive("connectTimeout", connectTimeoutMillis);
    positive("maxNamespaces", maxNamespaces);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, is " + value);
    }
  }

  /** The options configured in {@code settings}. */
  public static SocketIoOptions from(WebSocketSettings settings) {
    return new Builder(settings).build();
  }

  /** A builder with every default set, the defaults of {@link WebSocketSettings#defaults()}. */
  public static Builder builder() {
    return new Builder(WebSocketSettings.defaults());
  }

  /** A builder with the options configured in {@code settings}, for further options. */
  public static Builder builder(WebSocketSettings settings) {
    return new Builder(settings);
  }

  /** Builds {@link SocketIoOptions}; every setter returns the builder. */
  public static final class Builder {
    private String hostname;
    private int port;
    private String context;
    private int pingIntervalMillis;
    private int pingTimeoutMillis;
    private int maxFramePayloadLength;
    private int maxHttpContentLength;
    private List<String> allowedOrigins;
    private List<String> transports;
    private boolean compression;
    private int workerThreads;
    private int workerQueueSize;
    private int sessionQueueSize;
    private int sendQueueLimit;
    private int authThreads;
    private int authQueueSize;
    private int failedConnectLimit;
    private int connectTimeoutMillis;
    private int maxNamespaces;

    private Builder(WebSocketSettings settings) {
      WebSocketSettings.SocketIo o = settings.socketIo();
      hostname = o.hostname();
      port = o.port() == null ? 0 : o.port();
      context = o.path();
      pingIntervalMillis = o.pingIntervalMillis();
      pingTimeoutMillis = o.pingTimeoutMillis();
      maxFramePayloadLength = o.maxFramePayloadLength();
      maxHttpContentLength = o.maxHttpContentLength();
      List<String> origins = new java.util.ArrayList<>(settings.allowedOrigins());
      origins.addAll(o.corsOrigins()); // the Node plugin's cds.websocket.options.cors.origin
      allowedOrigins = origins;
      authThreads = o.authThreads();
      authQueueSize = o.authQueueSize();
      failedConnectLimit = o.failedConnectLimit();
      connectTimeoutMillis = o.connectTimeoutMillis();
      maxNamespaces = o.maxNamespaces();
      transports = o.transports();
      compression = o.perMessageDeflate();
      workerThreads = o.workerThreads();
      workerQueueSize = o.workerQueueSize();
      sessionQueueSize = o.sessionQueueSize();
      sendQueueLimit = settings.sendQueueLimit();
    }

    public Builder authThreads(int v) {
      authThreads = v;
      return this;
    }

    public Builder authQueueSize(int v) {
      authQueueSize = v;
      return this;
    }

    public Builder failedConnectLimit(int v) {
      failedConnectLimit = v;
      return this;
    }

    public Builder connectTimeoutMillis(int v) {
      connectTimeoutMillis = v;
      return this;
    }

    public Builder maxNamespaces(int v) {
      maxNamespaces = v;
      return this;
    }

    public Builder hostname(String v) {
      hostname = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder context(String v) {
      context = v;
      return this;
    }

    public Builder pingIntervalMillis(int v) {
      pingIntervalMillis = v;
      return this;
    }

    public Builder pingTimeoutMillis(int v) {
      pingTimeoutMillis = v;
      return this;
    }

    public Builder maxFramePayloadLength(int v) {
      maxFramePayloadLength = v;
      return this;
    }

    public Builder maxHttpContentLength(int v) {
      maxHttpContentLength = v;
      return this;
    }

    public Builder allowedOrigins(List<String> v) {
      allowedOrigins = v;
      return this;
    }

    public Builder transports(List<String> v) {
      transports = v;
      return this;
    }

    public Builder compression(boolean v) {
      compression = v;
      return this;
    }

    public Builder workerThreads(int v) {
      workerThreads = v;
      return this;
    }

    public Builder workerQueueSize(int v) {
      workerQueueSize = v;
      return this;
    }

    public Builder sessionQueueSize(int v) {
      sessionQueueSize = v;
      return this;
    }

    public Builder sendQueueLimit(int v) {
      sendQueueLimit = v;
      return this;
    }

    public SocketIoOptions build() {
      return new SocketIoOptions(
          hostname,
          port,
          context,
          pingIntervalMillis,
          pingTimeoutMillis,
          maxFramePayloadLength,
          maxHttpContentLength,
          allowedOrigins,
          transports,
          compression,
          workerThreads,
          workerQueueSize,
          sessionQueueSize,
          sendQueueLimit,
          authThreads,
          authQueueSize,
          failedConnectLimit,
          connectTimeoutMillis,
          maxNamespaces);
    }
  }
}
