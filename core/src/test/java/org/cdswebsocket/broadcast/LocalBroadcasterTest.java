package org.cdswebsocket.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdswebsocket.format.MessageFormats;
import org.cdswebsocket.recipients.Recipients;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.SessionGroupWriter;
import org.cdswebsocket.testing.TestClientSession;
import org.junit.jupiter.api.Test;

class LocalBroadcasterTest {

  private final SessionRegistry registry = new SessionRegistry();

  private LocalBroadcaster cut(boolean structured) {
    return new LocalBroadcaster(
        registry, new PayloadComposer(new MessageFormats(), structured, null));
  }

  @Test
  void composesOncePerBroadcastAndReachesOnlyTheTenantAndPath() {
    TestClientSession a1 = register("alice", "t1", "/ws/chat");
    TestClientSession b1 = register("bob", "t1", "/ws/chat");
    TestClientSession d2 = register("dave", "t2", "/ws/chat");
    TestClientSession other = register("carol", "t1", "/ws/other");

    cut(false)
        .broadcast(
            new Broadcast(
                "received",
                "json",
                Map.of("text", "hi"),
                Map.of(),
                Recipients.of("t1", "/ws/chat")));

    assertThat(a1.sent()).hasSize(1);
    assertThat(b1.sent()).hasSize(1);
    assertThat(a1.sent().get(0)).isSameAs(b1.sent().get(0));
    assertThat(a1.sent().get(0).text())
        .isEqualTo("{\"event\":\"received\",\"data\":{\"text\":\"hi\"}}");
    assertThat(d2.sent()).isEmpty();
    assertThat(other.sent()).isEmpty();
  }

  @Test
  void excludedSenderAndClosedSessionsReceiveNothing() {
    TestClientSession sender = register("alice", null, "/ws/chat");
    TestClientSession closed = register("bob", null, "/ws/chat");
    TestClientSession open = register("carol", null, "/ws/chat");
    closed.close(CloseCode.NORMAL, "gone");

    cut(false)
        .broadcast(
            new Broadcast(
                "e",
                "json",
                Map.of(),
                Map.of(),
                Recipients.of(null, "/ws/chat").excludeSession(sender.id())));

    assertThat(sender.sent()).isEmpty();
    assertThat(closed.sent()).isEmpty();
    assertThat(open.sent()).hasSize(1);
  }

  @Test
  void structuredTransportsGetTheDataUnchangedForJson() {
    TestClientSession session = register("alice", "t1", "/ws/chat");

    cut(true)
        .broadcast(
            new Broadcast(
                "e", "json", Map.of("k", "v"), Map.of("h", "x"), Recipients.of("t1", "/ws/chat")));

    assertThat(session.sent().get(0).isText()).isFalse();
    assertThat(session.sent().get(0).data()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void aFailingSessionDoesNotStopTheOthers() {
    TestClientSession failing = register("alice", "t1", "/ws/chat");
    failing.failSends();
    TestClientSession healthy = register("bob", "t1", "/ws/chat");

    cut(false)
        .broadcast(new Broadcast("e", "json", Map.of(), Map.of(), Recipients.of("t1", "/ws/chat")));

    assertThat(healthy.sent()).hasSize(1);
  }

  @Test
  void aTransportGroupWriterGetsAllMatchingSessionsInOneCall() {
    RecordingWriter writer = new RecordingWriter();
    TestClientSession a = register("alice", "t1", "/ws/chat");
    TestClientSession b = register("bob", "t1", "/ws/chat");
    TestClientSession closed = register("carol", "t1", "/ws/chat");
    a.useGroupWriter(writer);
    b.useGroupWriter(writer);
    closed.useGroupWriter(writer);
    closed.close(CloseCode.NORMAL, "gone");

    cut(false)
        .broadcast(new Broadcast("e", "json", Map.of(), Map.of(), Recipients.of("t1", "/ws/chat")));

    assertThat(writer.calls).hasSize(1);
    assertThat(writer.calls.get(0)).containsExactlyInAnyOrder(a, b);
    assertThat(a.sent()).isEmpty();
  }

  @Test
  void sessionsOfDifferentWritersAreGroupedPerWriter() {
    RecordingWriter one = new RecordingWriter();
    RecordingWriter two = new RecordingWriter();
    TestClientSession a = register("alice", "t1", "/ws/chat");
    TestClientSession b = register("bob", "t1", "/ws/chat");
    TestClientSession c = register("carol", "t1", "/ws/chat");
    TestClientSession plain = register("dave", "t1", "/ws/chat");
    a.useGroupWriter(one);
    b.useGroupWriter(two);
    c.useGroupWriter(one);

    cut(false)
        .broadcast(new Broadcast("e", "json", Map.of(), Map.of(), Recipients.of("t1", "/ws/chat")));

    assertThat(one.calls).hasSize(1);
    assertThat(one.calls.get(0)).containsExactlyInAnyOrder(a, c);
    assertThat(two.calls).hasSize(1);
    assertThat(two.calls.get(0)).containsExactly(b);
    assertThat(plain.sent()).hasSize(1);
  }

  @Test
  void aFailingGroupWriterDoesNotStopOtherGroups() {
    TestClientSession a = register("alice", "t1", "/ws/chat");
    a.useGroupWriter(
        (sessions, payload) -> {
          throw new IllegalStateException("transport down");
        });
    TestClientSession plain = register("bob", "t1", "/ws/chat");

    cut(false)
        .broadcast(new Broadcast("e", "json", Map.of(), Map.of(), Recipients.of("t1", "/ws/chat")));

    assertThat(plain.sent()).hasSize(1);
  }

  @Test
  void removedSessionsAreNoCandidates() {
    TestClientSession session = register("alice", "t1", "/ws/chat");

    registry.remove(session);

    assertThat(registry.candidates("t1", "/ws/chat")).isEmpty();
    assertThat(registry.size()).isZero();
  }

  private TestClientSession register(String user, String tenant, String path) {
    TestClientSession session =
        TestClientSession.create(user + "@" + path, user, tenant, null, path, Set.of(), Set.of());
    registry.add(session);
    return session;
  }

  private static final class RecordingWriter implements SessionGroupWriter {
    final List<List<ClientSession>> calls = new ArrayList<>();

    @Override
    public void write(List<? extends ClientSession> sessions, OutboundPayload payload) {
      calls.add(new ArrayList<>(sessions));
    }
  }
}
