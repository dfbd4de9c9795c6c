package org.cdswebsocket.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.config.ObservabilityHub;
import org.cdswebsocket.observability.MicrometerMetrics;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.Endpoint;
import org.cdswebsocket.spi.ErrorPayload;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.testing.TestClientSession;
import org.junit.jupiter.api.Test;

/**
 * The decorator records through the hub into a real Micrometer registry bound after start-up:
 * gauges registered before binding still appear, sessions the delegate refuses are no open
 * sessions, error acknowledgements count by code, and client-chosen paths never become tags.
 */
class MeteredConnectionHandlerTest {

  static final String CHAT = "/ws/chat";

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ObservabilityHub hub = new ObservabilityHub();

  /** Refuses sessions outside the endpoints (as core does) and fails every call with 404. */
  final ConnectionHandler core =
      new ConnectionHandler() {
        @Override
        public void onOpen(ClientSession session) {
          if (!CHAT.equals(session.info().servicePath())) {
            session.close(CloseCode.POLICY_VIOLATION, "Unknown endpoint");
          }
        }

        @Override
        public void onMessage(ClientSession session, InboundFrame frame, AckCallback ack) {
          ack.failure(ErrorPayload.of(ErrorPayload.NOT_FOUND, "unknown"));
        }

        @Override
        public void onClose(ClientSession session, String reason) {}

        @Override
        public void onError(ClientSession session, Throwable error) {}
      };

  final MeteredConnectionHandler handler = new MeteredConnectionHandler(core, hub, List.of(CHAT));

  @Test
  void countsSessionsMessagesAndErrorsInARegistryBoundLater() {
    TestClientSession alice = TestClientSession.of("alice", "t1", CHAT);
    handler.onOpen(alice); // before binding: the gauge counts, the counter does not
    hub.bind(
        new MicrometerMetrics(registry, "ws", List.of(new Endpoint(CHAT, "ChatService", "json"))));
    TestClientSession bob = TestClientSession.of("bob", "t1", CHAT);
    handler.onOpen(bob);
    handler.onMessage(bob, InboundFrame.text("{}"), ack());

    assertThat(gauge("cds.websocket.sessions.open")).isEqualTo(2);
    assertThat(count("cds.websocket.connects")).isEqualTo(1);
    assertThat(count("cds.websocket.messages.inbound")).isEqualTo(1);
    assertThat(
            registry
                .get("cds.websocket.errors")
                .tags("kind", "ws", "service", "ChatService", "code", "404")
                .counter()
                .count())
        .isEqualTo(1);

    handler.onClose(alice, "1000");
    handler.onClose(alice, "1000"); // a second close report changes nothing
    assertThat(gauge("cds.websocket.sessions.open")).isEqualTo(1);
  }

  @Test
  void aSessionTheCoreRefusesIsARefusalUnderAFixedServiceTag() {
    hub.bind(
        new MicrometerMetrics(registry, "ws", List.of(new Endpoint(CHAT, "ChatService", "json"))));
    TestClientSession stray = TestClientSession.of("alice", "t1", "/attacker/chosen/path");
    handler.onOpen(stray);
    handler.onClose(stray, "1008");

    assertThat(
            registry
                .get("cds.websocket.connects.refused")
                .tags("service", "none", "reason", "unknown-endpoint")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.find("cds.websocket.connects").counters()).isEmpty();
    assertThat(gauge("cds.websocket.sessions.open")).isZero();
    registry
        .getMeters()
        .forEach(
            m ->
                assertThat(m.getId().getTags())
                    .noneMatch(t -> t.getValue().contains("attacker"))
                    .noneMatch(t -> t.getKey().equals("tenant") || t.getKey().equals("user")));
  }

  @Test
  void theErrorCodeIsReadFromTheErrorPayload() {
    assertThat(MeteredConnectionHandler.codeOf(ErrorPayload.of(403, "no"))).isEqualTo(403);
    assertThat(MeteredConnectionHandler.codeOf(Map.of("other", 1))).isEqualTo("none");
  }

  private double gauge(String name) {
    return registry.get(name).tags("service", "ChatService").gauge().value();
  }

  private double count(String name) {
    return registry.get(name).tags("service", "ChatService").counter().count();
  }

  private static AckCallback ack() {
    return new AckCallback() {
      @Override
      public void success(Object result) {}

      @Override
      public void failure(Object error) {}
    };
  }
}
