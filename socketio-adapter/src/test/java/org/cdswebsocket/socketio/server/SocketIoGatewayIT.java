package org.cdswebsocket.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.SessionGroupWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway on a real port with raw Engine.IO clients: exact wire behaviour, no CAP. */
class SocketIoGatewayIT {

  private static final String CHAT = "/ws/chat";
  private static final String GOOD = "{\"token\":\"good\"}";

  private static final RecordingHandler SHARED_HANDLER = new RecordingHandler();
  private static SocketIoGateway shared;

  private RecordingHandler handler = SHARED_HANDLER;
  private SocketIoGateway gateway;
  private SocketIoGateway own;

  @BeforeAll
  static void startShared() {
    shared = newGateway(SocketIoOptions.builder(), SHARED_HANDLER);
  }

  @AfterAll
  static void stopShared() {
    shared.stop();
  }

  private static SocketIoGateway newGateway(
      SocketIoOptions.Builder options, RecordingHandler handler) {
    SocketIoGateway g =
        new SocketIoGateway(
            options.port(0).pingIntervalMillis(25_000).build(),
            List.of(CHAT),
            handler,
            new TestAuthenticator());
    g.start();
    return g;
  }

  /** A client of a gateway of its own, for non-default options. */
  private RawClient start(SocketIoOptions.Builder options) throws InterruptedException {
    handler = new RecordingHandler();
    own = newGateway(options, handler);
    gateway = own;
    return open();
  }

  /** A client of the shared gateway. */
  private RawClient start() throws InterruptedException {
    SHARED_HANDLER.reset();
    gateway = shared;
    return open();
  }

  private RawClient open() throws InterruptedException {
    RawClient client = new RawClient(gateway.port());
    assertThat(client.next(5000)).startsWith("0{\"sid\":");
    return client;
  }

  @AfterEach
  void stop() {
    handler.release.countDown();
    if (own != null) {
      own.stop();
    }
  }

  @Test
  void eventIsAcknowledgedWithTheResultOfCoreOnAWorkerThread() throws Exception {
    try (RawClient client = start()) {
      assertThat(client.connect(CHAT, GOOD)).startsWith("40/ws/chat,{\"sid\":\"");

      client.send("42/ws/chat,1[\"message\",{\"text\":\"hi\"},{\"h\":\"v\"}]");

      assertThat(client.next(5000))
          .isEqualTo(
              "43/ws/chat,1[{\"event\":\"message\",\"data\":{\"text\":\"hi\"},"
                  + "\"headers\":{\"h\":\"v\"},\"user\":\"alice\",\"id\":null}]");
      assertThat(handler.threads).allMatch(t -> t.startsWith("cds-socketio-worker-"));
      assertThat(handler.opened).hasSize(1);
    }
  }

  @Test
  void socketIdIsNotTheEngineIoSessionId() throws Exception {
    try (RawClient client = start()) {
      String connected = client.connect(CHAT, GOOD);

      assertThat(opened(1)).hasSize(1);
      assertThat(connected).contains(opened(1).get(0).id());
    }
  }

  @Test
  void unknownNamespaceGetsSocketIoV5Error() throws Exception {
    try (RawClient client = start()) {
      assertThat(client.connect("/nope", null))
          .isEqualTo("44/nope,{\"message\":\"Invalid namespace\"}");
    }
  }

  @Test
  void rejectedHandshakeGets401AndLaterEventsNeverReachCore() throws Exception {
    try (RawClient client = start()) {
      assertThat(client.connect(CHAT, "{\"token\":\"bad\"}"))
          .isEqualTo("44/ws/chat,{\"message\":\"401\"}");

      client.send("42/ws/chat,2[\"message\",{\"text\":\"sneaky\"}]");

      assertThat(client.next(300)).isNull();
      assertThat(handler.frames).isEmpty();
      assertThat(handler.opened).isEmpty();
    }
  }

  @Test
  void handshakeWithoutCredentialsIsRejected() throws Exception {
    try (RawClient client = start()) {
      assertThat(client.connect(CHAT, null)).isEqualTo("44/ws/chat,{\"message\":\"401\"}");
    }
  }

  @Test
  void authPayloadIsPerNamespace() throws Exception {
    try (RawClient client = start()) {
      assertThat(client.connect("/", GOOD)).startsWith("40{\"sid\"");

      assertThat(client.connect(CHAT, null)).isEqualTo("44/ws/chat,{\"message\":\"401\"}");
    }
  }

  @Test
  void garbagePacketClosesTheConnection() throws Exception {
    try (RawClient client = start()) {
      client.send("4abc");

      assertThat(client.closed.get(5, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void invalidAckIdClosesTheConnection() throws Exception {
    try (RawClient client = start()) {
      client.connect(CHAT, GOOD);

      client.send("42/ws/chat,abc[\"message\",{}]");

      assertThat(client.closed.get(5, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void binaryEventIsRefusedWithErrorAckAndTheSocketKeepsWorking() throws Exception {
    try (RawClient client = start()) {
      client.connect(CHAT, GOOD);

      client.send("451-/ws/chat,3[\"message\",{\"_placeholder\":true,\"num\":0}]");
      client.sendBinary(new byte[] {1, 2, 3});

      assertThat(client.next(5000)).startsWith("43/ws/chat,3[{\"error\":{\"code\":415,");
      client.send("42/ws/chat,4[\"message\",{\"text\":\"after\"}]");
      assertThat(client.next(5000)).startsWith("43/ws/chat,4[{\"event\":\"message\"");
      assertThat(handler.frames).hasSize(1);
    }
  }

  @Test
  void broadcastPayloadIsEncodedOnceAndWrittenAsFrame() throws Exception {
    try (RawClient a = start();
        RawClient b = new RawClient(gateway.port())) {
      b.next(5000);
      a.connect(CHAT, GOOD);
      b.connect(CHAT, GOOD);
      OutboundPayload payload = OutboundPayload.data("received", Map.of("text", "x"));

      opened(2).forEach(s -> s.send(payload));

      String expected = "42/ws/chat,[\"received\",{\"text\":\"x\"}]";
      assertThat(a.next(5000)).isEqualTo(expected);
      assertThat(b.next(5000)).isEqualTo(expected);
    }
  }

  @Test
  void groupWritesAndSingleSendsKeepTheirOrderPerSocket() throws Exception {
    try (RawClient a = start();
        RawClient b = new RawClient(gateway.port())) {
      b.next(5000);
      a.connect(CHAT, GOOD);
      b.connect(CHAT, GOOD);
      List<org.cdswebsocket.spi.ClientSession> sessions = List.copyOf(opened(2));
      SessionGroupWriter writer = sessions.get(0).groupWriter();
      assertThat(sessions.get(1).groupWriter()).isSameAs(writer);

      for (int i = 0; i < 300; i++) {
        OutboundPayload payload = OutboundPayload.data("received", Map.of("n", i));
        if (i % 7 == 0) {
          sessions.forEach(s -> s.send(payload));
        } else {
          writer.write(sessions, payload);
        }
      }

      for (RawClient client : List.of(a, b)) {
        for (int i = 0; i < 300; i++) {
          assertThat(client.next(5000)).isEqualTo("42/ws/chat,[\"received\",{\"n\":" + i + "}]");
        }
      }
    }
  }

  @Test
  void groupWriteDisconnectsOnlyTheSocketWhoseLoopFallsBehind() throws Exception {
    try (RawClient slow = start(SocketIoOptions.builder().sendQueueLimit(5))) {
      slow.connect(CHAT, GOOD);
      SocketIoSession slowSession = (SocketIoSession) opened(1).get(0);
      Channel slowChannel = slowSession.connection().activeWebsocket();
      // a healthy client whose channel is served by another event loop
      RawClient fast = null;
      SocketIoSession fastSession = null;
      for (int attempt = 0; attempt < 8 && fastSession == null; attempt++) {
        RawClient candidate = new RawClient(gateway.port());
        candidate.next(5000);
        candidate.connect(CHAT, GOOD);
        SocketIoSession session = (SocketIoSession) opened(attempt + 2).get(attempt + 1);
        if (session.connection().activeWebsocket().eventLoop() != slowChannel.eventLoop()) {
          fast = candidate;
          fastSession = session;
        }
      }
      assertThat(fastSession).as("a socket on another event loop").isNotNull();
      CountDownLatch loopBlocked = new CountDownLatch(1);
      slowChannel.eventLoop().execute(() -> awaitQuietly(loopBlocked));

      List<org.cdswebsocket.spi.ClientSession> group = List.of(slowSession, fastSession);
      for (int i = 0; i < 10; i++) {
        slowSession.groupWriter().write(group, OutboundPayload.data("received", Map.of("n", i)));
      }

      assertThat(slowSession.isOpen()).isFalse();
      for (int i = 0; i < 10; i++) {
        assertThat(fast.next(5000)).isEqualTo("42/ws/chat,[\"received\",{\"n\":" + i + "}]");
      }
      assertThat(fastSession.isOpen()).isTrue();
      loopBlocked.countDown();
      assertThat(slow.closed.get(5, TimeUnit.SECONDS)).isNotNull();
      fast.close();
    }
  }

  @Test
  void saturatedSessionQueueAnswers503() throws Exception {
    try (RawClient client = start(SocketIoOptions.builder().sessionQueueSize(1))) {
      client.connect(CHAT, GOOD);
      client.send("42/ws/chat,1[\"block\",{}]");
      await().atMost(Duration.ofSeconds(5)).until(() -> handler.frames.size() == 1);

      client.send("42/ws/chat,2[\"message\",{}]");
      client.send("42/ws/chat,3[\"message\",{}]");

      assertThat(client.next(5000))
          .isEqualTo(
              "43/ws/chat,3[{\"error\":{\"code\":503,\"message\":\"Server busy, try again later\"}}]");
      handler.release.countDown();
      assertThat(client.next(5000)).startsWith("43/ws/chat,1[");
      assertThat(client.next(5000)).startsWith("43/ws/chat,2[");
    }
  }

  @Test
  void slowConsumerIsDisconnected() throws Exception {
    try (RawClient client = start(SocketIoOptions.builder().sendQueueLimit(5))) {
      client.connect(CHAT, GOOD);
      SocketIoSession session = (SocketIoSession) opened(1).get(0);
      Channel channel = session.connection().activeWebsocket();
      CountDownLatch loopBlocked = new CountDownLatch(1);
      channel.eventLoop().execute(() -> awaitQuietly(loopBlocked));

      for (int i = 0; i < 10; i++) {
        session.send(OutboundPayload.data("received", Map.of("n", i)));
      }
      loopBlocked.countDown();

      await().atMost(Duration.ofSeconds(5)).until(() -> handler.closed.size() == 1);
      assertThat(session.isOpen()).isFalse();
      assertThat(client.closed.get(5, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void clientDisconnectReachesCoreOnce() throws Exception {
    try (RawClient client = start()) {
      client.connect(CHAT, GOOD);

      var session = opened(1).get(0);

      client.send("41/ws/chat,");

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> handler.closedSessions.containsKey(session));
      assertThat(handler.closedSessions.get(session)).isEqualTo("client namespace disconnect");
    }
  }

  @Test
  void serverCloseSendsDisconnectPacket() throws Exception {
    try (RawClient client = start()) {
      client.connect(CHAT, GOOD);

      var session = opened(1).get(0);

      session.close(org.cdswebsocket.spi.CloseCode.POLICY_VIOLATION, "bye");

      assertThat(client.next(5000)).isEqualTo("41/ws/chat,");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> handler.closedSessions.containsKey(session));
      assertThat(handler.closedSessions.get(session)).isEqualTo("server namespace disconnect");
    }
  }

  /** The sessions core has been told about, once there are {@code count}. */
  private List<org.cdswebsocket.spi.ClientSession> opened(int count) {
    await().atMost(Duration.ofSeconds(5)).until(() -> handler.opened.size() >= count);
    return handler.opened;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
