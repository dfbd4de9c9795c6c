package org.cdswebsocket.ws.endpoint;

import com.sap.cds.services.request.UserInfo;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.spi.WebSocketMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jakarta endpoint instance behind every websocket path: wraps each container session in a
 * {@link JakartaClientSession} and translates callbacks into {@link ConnectionHandler} calls.
 *
 * <p>Outcomes decided here, because they are about the transport: a binary frame closes the session
 * with 1003 (the formats are text formats); a text message larger than {@code
 * cds.websocket.max-message-size} closes it with 1009; a session without an authenticated CAP user
 * is closed with 1008. Anything thrown by core is logged and closes only that session with 1011.
 *
 * <p>Memory: the container's message buffers stay at {@value #CONTAINER_BUFFER} characters/bytes;
 * longer text messages arrive in parts and are assembled by a {@link TextAssembler} that grows only
 * while such a message arrives, so an idle session holds no message buffer of the limit's size.
 *
 * <p>Threading: the container calls one session's callbacks one at a time, on its own threads.
 */
public final class CoreEndpoint extends Endpoint {

  private static final Logger LOG = LoggerFactory.getLogger(CoreEndpoint.class);

  /** The container's per-session text and binary buffer size. */
  static final int CONTAINER_BUFFER = 1024;

  /** The servlet container's own default message buffer size (Tomcat's and the Jakarta spec's). */
  static final int CONTAINER_DEFAULT_BUFFER = 8192;

  private final ConnectionHandler handler;
  private final SendScheduler scheduler;
  private final int maxMessageBytes;
  private final int sendQueueLimit;
  private final long sendTimeoutMillis;
  private final WebSocketMetrics metrics;
  private final Map<String, JakartaClientSession> sessions = new ConcurrentHashMap<>();

  /**
   * @param handler core's handler
   * @param scheduler the sender threads
   * @param maxMessageBytes the largest accepted text message
   * @param sendQueueLimit frames queued per session before it is closed
   * @param sendTimeoutMillis how long one blocking write to a slow client may take
   * @param metrics where refusals, slow consumers and the queued frames (a gauge) are reported
   */
  public CoreEndpoint(
      ConnectionHandler handler,
      SendScheduler scheduler,
      int maxMessageBytes,
      int sendQueueLimit,
      long sendTimeoutMillis,
      WebSocketMetrics metrics) {
    this.handler = handler;
    this.scheduler = scheduler;
    this.maxMessageBytes = maxMessageBytes;
    this.sendQueueLimit = sendQueueLimit;
    this.sendTimeoutMillis = sendTimeoutMillis;
    this.metrics = metrics;
    metrics.sendQueueDepth(this::queuedFrames);
  }

  /** The frames queued for all sessions and not yet written. */
  int queuedFrames() {
    int total = 0;
    for (JakartaClientSession session : sessions.values()) {
      total += session.queued();
    }
    return total;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    Object user = config.getUserProperties().get(HandshakeConfigurator.USER);
    if (!(user instanceof UserInfo userInfo) || !userInfo.isAuthenticated()) {
      metrics.connectionRefused(session.getRequestURI().getPath(), "unauthorized");
      closeQuietly(session, CloseCode.POLICY_VIOLATION, "Not authenticated");
      return;
    }
    session.setMaxTextMessageBufferSize(Math.min(CONTAINER_BUFFER, maxMessageBytes));
    session.setMaxBinaryMessageBufferSize(Math.min(CONTAINER_BUFFER, maxMessageBytes));
    session
        .getUserProperties()
        .put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", sendTimeoutMillis);
    String path = session.getRequestURI().getPath();
    ClientInfo info =
        new ClientInfo(
            userInfo,
            (String) config.getUserProperties().get(HandshakeConfigurator.IDENTIFIER),
            path);
    JakartaClientSession client =
        new JakartaClientSession(session, info, scheduler, sendQueueLimit, metrics);
    sessions.put(session.getId(), client);
    TextAssembler assembler = new TextAssembler(maxMessageBytes);
    TextAssembler.Sink sink =
        new TextAssembler.Sink() {
          @Override
          public void message(String text) {
            onText(client, text);
          }

          @Override
          public void tooBig() {
            LOG.info(
                "A client sent a message over {} characters; closing its session with 1009",
                maxMessageBytes);
            client.close(CloseCode.TOO_BIG, "Message too big");
          }
        };
    session.addMessageHandler(
        String.class,
        (MessageHandler.Partial<String>) (part, last) -> assembler.part(part, last, sink));
    session.addMessageHandler(
        ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (binary, last) -> onBinary(client));
    guard(client, () -> handler.onOpen(client));
  }

  private void onText(ClientSession client, String text) {
    guard(client, () -> handler.onMessage(client, InboundFrame.text(text), null));
  }

  private void onBinary(ClientSession client) {
    LOG.info("A client sent a binary frame; closing its session with 1003");
    client.close(CloseCode.UNSUPPORTED_DATA, "Binary frames are not supported");
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    JakartaClientSession client = sessions.remove(session.getId());
    if (client != null) {
      guard(client, () -> handler.onClose(client, String.valueOf(reason.getCloseCode().getCode())));
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    JakartaClientSession client = sessions.get(session.getId());
    if (client != null) {
      handler.onError(client, error);
    } else {
      LOG.debug("Error on unregistered session {}", session.getId(), error);
    }
  }

  private static void guard(ClientSession client, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure in a session; closing it with 1011", e);
      client.close(CloseCode.INTERNAL_ERROR, "Internal error");
    }
  }

  private static void closeQuietly(Session session, CloseCode code, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason));
    } catch (java.io.IOException e) {
      LOG.debug("Closing session {} failed", session.getId(), e);
    }
  }

  /**
   * Lowers the container's default message buffers to {@value #CONTAINER_BUFFER} while they are at
   * the container's built-in {@value #CONTAINER_DEFAULT_BUFFER}. Tomcat allocates a new session's
   * text and binary message buffers at the container's defaults (8,192: 16 KB of chars plus 8 KB of
   * bytes) before {@link #onOpen} can set smaller ones, and keeps the binary one for the life of
   * the session; at the defaults, an idle session of kind ws holds 24 KB for messages it never
   * receives. Our endpoints read text in parts and refuse binary, so they need no more. Other
   * endpoints of the application that read whole messages larger than this set their own size
   * ({@code Session#setMaxTextMessageBufferSize}) or configure the container's defaults before this
   * runs: any other value counts as configured and is kept.
   *
   * @return whether the defaults were lowered
   */
  public static boolean lowerContainerBuffers(jakarta.websocket.WebSocketContainer container) {
    boolean lowered = false;
    if (container.getDefaultMaxTextMessageBufferSize() == CONTAINER_DEFAULT_BUFFER) {
      container.setDefaultMaxTextMessageBufferSize(CONTAINER_BUFFER);
      lowered = true;
    }
    if (container.getDefaultMaxBinaryMessageBufferSize() == CONTAINER_DEFAULT_BUFFER) {
      container.setDefaultMaxBinaryMessageBufferSize(CONTAINER_BUFFER);
      lowered = true;
    }
    if (lowered) {
      LOG.info(
          "Default WebSocket message buffers of the servlet container lowered to {} (kind ws reads"
              + " messages in parts); endpoints of the application that need larger whole messages"
              + " set their own buffer size",
          CONTAINER_BUFFER);
    }
    return lowered;
  }

  /** Registers this endpoint at one path in the container. */
  public jakarta.websocket.server.ServerEndpointConfig configFor(
      String path, com.sap.cds.services.runtime.CdsRuntime runtime) {
    return configFor(path, runtime, java.util.List.of());
  }

  /**
   * Registers this endpoint at one path in the container.
   *
   * @param subprotocols the subprotocols the endpoint's format claims
   */
  public jakarta.websocket.server.ServerEndpointConfig configFor(
      String path,
      com.sap.cds.services.runtime.CdsRuntime runtime,
      java.util.List<String> subprotocols) {
    return jakarta.websocket.server.ServerEndpointConfig.Builder.create(CoreEndpoint.class, path)
        .configurator(new HandshakeConfigurator(runtime, this, subprotocols))
        .build();
  }
}
