package org.cdswebsocket.ws.endpoint;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.Endpoint;
import org.cdswebsocket.spi.WebSocketMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kind ws server: RFC 6455 on the servlet container's own HTTP port, through the Servlet
 * upgrade API ({@code HttpServletRequest#upgrade}), so that every upgrade passes the application's
 * filter chain (its security included) and the container only carries bytes. Framing, the opening
 * and closing handshakes, limits and the write queue are ours ({@link WsConnection}); a broadcast's
 * frame is built once and written as it is to every recipient.
 *
 * <p>Lifecycle: created when the CAP runtime is ready, with core's {@link ConnectionHandler} and
 * the endpoints of the model; {@link #upgrade} is called by the admission filter for every admitted
 * upgrade request; {@link #shutdown} when the application stops. Thread-safe.
 *
 * <p>Memory: a connection holds no buffer while idle. Reads go through one buffer per container
 * thread ({@value #READ_BUFFER_SIZE} bytes); what a connection keeps beyond that is the container's
 * socket buffers and a few small objects.
 */
public final class WsServer {

  private static final Logger LOG = LoggerFactory.getLogger(WsServer.class);

  /** The bytes taken from the container per read, in one buffer per reading thread. */
  static final int READ_BUFFER_SIZE = 8192;

  private static final ThreadLocal<byte[]> READ_BUFFER =
      ThreadLocal.withInitial(() -> new byte[READ_BUFFER_SIZE]);

  private final ConnectionHandler handler;
  private final SendScheduler scheduler;
  private final int maxMessageBytes;
  private final int sendQueueLimit;
  private final long sendTimeoutNanos;
  private final WebSocketMetrics metrics;
  private final Map<String, List<String>> subprotocolsByPath = new HashMap<>();
  private final Set<WsConnection> connections = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService stallCheck;

  /**
   * @param handler core's handler
   * @param endpoints the websocket endpoints of the model (path, subprotocols)
   * @param senderThreads the threads that write queued frames
   * @param maxMessageBytes the longest accepted text message
   * @param sendQueueLimit frames queued per connection before it is closed
   * @param sendTimeoutMillis how long a write may wait for a client that does not read
   * @param metrics where refusals, slow consumers and the queued frames (a gauge) are reported
   */
  public WsServer(
      ConnectionHandler handler,
      List<Endpoint> endpoints,
      int senderThreads,
      int maxMessageBytes,
      int sendQueueLimit,
      long sendTimeoutMillis,
      WebSocketMetrics metrics) {
    this.handler = handler;
    this.scheduler = new SendScheduler(senderThreads);
    this.maxMessageBytes = maxMessageBytes;
    this.sendQueueLimit = sendQueueLimit;
    this.sendTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(sendTimeoutMillis);
    this.metrics = metrics;
    for (Endpoint endpoint : endpoints) {
      subprotocolsByPath.put(endpoint.path(), List.copyOf(endpoint.subprotocols()));
    }
    long period = Math.max(100, Math.min(1000, sendTimeoutMillis / 4));
    this.stallCheck =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cds-websocket-stall-check");
              t.setDaemon(true);
              return t;
            });
    stallCheck.scheduleWithFixedDelay(this::closeStalled, period, period, TimeUnit.MILLISECONDS);
    metrics.sendQueueDepth(this::queuedFrames);
  }

  /** Whether {@code path} is one of the endpoints. */
  public boolean serves(String path) {
    return subprotocolsByPath.containsKey(path);
  }

  /**
   * The HTTP status refusing an upgrade of {@code client} by core's admission rules (403 without
   * access to the service, 400 for an identifier over its limit), or 0 to admit it. Refusals are
   * counted in the metrics.
   */
  public int refusal(ClientInfo client) {
    String refused = handler.refusal(client);
    int status =
        switch (refused == null ? "" : refused) {
          case "403" -> HttpServletResponse.SC_FORBIDDEN;
          case "400" -> HttpServletResponse.SC_BAD_REQUEST;
          default -> 0;
        };
    if (status != 0) {
      metrics.connectionRefused(client.servicePath(), status == 403 ? "forbidden" : "bad-request");
    }
    return status;
  }

  /**
   * Upgrades an admitted request to a websocket connection of {@code client}'s endpoint, or answers
   * it with 400/426 when it is no valid opening handshake.
   *
   * @throws IllegalArgumentException when the client's path is none of the endpoints (callers check
   *     {@link #serves} first)
   */
  public void upgrade(HttpServletRequest request, HttpServletResponse response, ClientInfo client)
      throws IOException, ServletException {
    List<String> subprotocols = subprotocolsByPath.get(client.servicePath());
    if (subprotocols == null) {
      throw new IllegalArgumentException("No websocket endpoint at " + client.servicePath());
    }
    Handshake.Refusal refusal = Handshake.check(request);
    if (refusal != null) {
      metrics.connectionRefused(client.servicePath(), "bad-handshake");
      Handshake.refuse(response, refusal);
      return;
    }
    Handshake.accept(request, response, subprotocols);
    WsConnection connection = request.upgrade(WsConnection.class);
    connection.prepare(this, client);
    connection.open(); // before the 101 leaves: see WsConnection#open
  }

  /** Stops the sender threads; open connections are closed by the container as it stops. */
  public void shutdown() {
    stallCheck.shutdownNow();
    scheduler.shutdown();
  }

  /** The frames queued for all connections and not yet written. */
  int queuedFrames() {
    int total = 0;
    for (WsConnection connection : connections) {
      total += connection.queued();
    }
    return total;
  }

  private void closeStalled() {
    long now = System.nanoTime();
    for (WsConnection connection : connections) {
      try {
        connection.closeIfStalled(now, sendTimeoutNanos);
      } catch (RuntimeException e) {
        LOG.warn("Checking a connection for a stalled write failed", e);
      }
    }
  }

  void opened(WsConnection connection) {
    connections.add(connection);
  }

  void closed(WsConnection connection) {
    connections.remove(connection);
  }

  ConnectionHandler handler() {
    return handler;
  }

  SendScheduler scheduler() {
    return scheduler;
  }

  WebSocketMetrics metrics() {
    return metrics;
  }

  int maxMessageBytes() {
    return maxMessageBytes;
  }

  int sendQueueLimit() {
    return sendQueueLimit;
  }

  byte[] readBuffer() {
    return READ_BUFFER.get();
  }
}
