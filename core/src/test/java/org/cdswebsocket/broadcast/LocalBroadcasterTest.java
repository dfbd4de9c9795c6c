package org.cdswebsocket.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.request.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cdswebsocket.format.JsonFormat;
import org.cdswebsocket.recipients.Recipients;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.SessionGroupWriter;
import org.junit.jupiter.api.Test;

class LocalBroadcasterTest {

  private final SessionRegistry registry = new SessionRegistry();

  private LocalBroadcaster cut(boolean structured) {
    return new LocalBroadcaster(
        registry, new PayloadComposer(Map.of(JsonFormat.NAME, new JsonFormat()), structured));
  }

  @Test
  void composesOncePerBroadcastAndReachesOnlyTheTenantAndPath() {
    Fake a1 = register("alice", "t1", "/ws/chat");
    Fake b1 = register("bob", "t1", "/ws/chat");
    Fake d2 = register("dave", "t2", "/ws/chat");
    Fake other = register("carol", "t1", "/ws/other");

    cut(false)
        .broadcast(
            new Broadcast(
                "received",
                "json",
                Map.of("text", "hi"),
                Map.of(),
                Recipients.of("t1", "/ws/chat")));

    assertThat(a1.sent).hasSize(1);
    assertThat(b1.sent).hasSize(1);
    assertThat(a1.sent.get(0)).isSameAs(b1.sent.get(0));
    assertThat(a1.sent.get(0).text())
        .isEqualTo("{\"event\":\"received\",\"data\":{\"text\":\"hi\"}}");
    assertThat(d2.sent).isEmpty();
    assertThat(other.sent).isEmpty();
  }

  @Test
  void excludedSenderAndClosedSessionsReceiveNothing() {
    Fake sender = register("alice", null, "/ws/chat");
    Fake closed = register("bob", null, "/ws/chat");
    Fake open = register("carol", null, "/ws/chat");
    closed.open = false;

    cut(false)
        .broadcast(
            new Broadcast(
                "e",
                "json",
                Map.of(),
                Map.of(),
                Recipients.of(null, "/ws/chat").excludeSession(sender.id())));

    assertThat(sender.sent).isEmpty();
    assertThat(closed.sent).isEmpty();
    assertThat(open.sent).hasSize(1);
  }

  @Test
  void structuredTransportsGetTheDataUnchangedForJson() {
    Fake session = register("alice", "t1", "/ws/chat");

    cut(true)
        .broadcast(
            new Broadcast(
                "e", "json", Map.of("k", "v"), Map.of("h", "x"), Recipients.of("t1", "/ws/chat")));

    assertThat(session.sent.get(0).isText()).isFalse();
    assertThat(session.sent.get(0).data()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void aFailingSessionDoesNotStopTheOthers() {
    Fake failing = register("alice", "t1", "/ws/chat");
    failing.fail = true;
    Fake healthy = register("bob", "t1", "/ws/chat");

    cut(false)
        .broadcast(new Broadcast("e", "json", Map.of(), Map.of(), Recipients.of("t1", "/ws/chat")));

    assertThat(healthy.sent).hasSize(1);
  }

  @Test
  void aTransportGroupWriterGetsAllMatchingSessionsInOneCall() {
    RecordingWriter writer = new RecordingWriter();
    Fake a = register("alice", "t1", "/ws/chat");
    Fake b = register("bob", "t1", "/ws/chat");
    Fake closed = register("carol", "t1", "/ws/chat");
    a.writer = writer;
    b.writer = writer;
    closed.writer = writer;
    closed.open = false;

    cut(false)
        .broadcast(new Broadcast("e", "json", Map.of(), Map.of(), Recipients.of("t1", "/ws/chat")));

    assertThat(writer.calls).hasSize(1);
    assertThat(writer.calls.get(0)).containsExactlyInAnyOrder(a, b);
    assertThat(a.sent).isEmpty();
  }

  @Test
  void sessionsOfDifferentWritersAreGroupedPerWriter() {
    RecordingWriter one = new RecordingWriter();
    RecordingWriter two = new RecordingWriter();
    Fake a = register("alice", "t1", "/ws/chat");
    Fake b = register("bob", "t1", "/ws/chat");
    Fake c = register("carol", "t1", "/ws/chat");
    Fake plain = register("dave", "t1", "/ws/chat");
    a.writer = one;
    b.writer = two;
    c.writer = one;

    cut(false)
        .broadcast(new Broadcast("e", "json", Map.of(), Map.of(), Recipients.of("t1", "/ws/chat")));

    assertThat(one.calls).hasSize(1);
    assertThat(one.calls.get(0)).containsExactlyInAnyOrder(a, c);
    assertThat(two.calls).hasSize(1);
    assertThat(two.calls.get(0)).containsExactly(b);
    assertThat(plain.sent).hasSize(1);
  }

  @Test
  void aFailingGroupWriterDoesNotStopOtherGroups() {
    Fake a = register("alice", "t1", "/ws/chat");
    a.writer =
        (sessions, payload) -> {
          throw new IllegalStateException("transport down");
        };
    Fake plain = register("bob", "t1", "/ws/chat");

    cut(false)
        .broadcast(new Broadcast("e", "json", Map.of(), Map.of(), Recipients.of("t1", "/ws/chat")));

    assertThat(plain.sent).hasSize(1);
  }

  @Test
  void removedSessionsAreNoCandidates() {
    Fake session = register("alice", "t1", "/ws/chat");

    registry.remove(session);

    assertThat(registry.candidates("t1", "/ws/chat")).isEmpty();
    assertThat(registry.size()).isZero();
  }

  private Fake register(String user, String tenant, String path) {
    Fake fake = new Fake(user, tenant, path);
    registry.add(fake);
    return fake;
  }

  private static final class Fake implements ClientSession {
    final List<OutboundPayload> sent = new ArrayList<>();
    final ClientInfo info;
    final String id;
    final Set<String> contexts = ConcurrentHashMap.newKeySet();
    boolean open = true;
    boolean fail;
    SessionGroupWriter writer = SessionGroupWriter.EACH_SESSION;

    Fake(String user, String tenant, String path) {
      this.id = user + "@" + path;
      this.info =
          new ClientInfo(
              UserInfo.create().setName(user).setTenant(tenant).setIsAuthenticated(true),
              null,
              path);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public ClientInfo info() {
      return info;
    }

    @Override
    public Set<String> contexts() {
      return contexts;
    }

    @Override
    public void send(OutboundPayload payload) {
      if (fail) {
        throw new IllegalStateException("broken pipe");
      }
      sent.add(payload);
    }

    @Override
    public void close(CloseCode code, String reason) {
      open = false;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public Object nativeSession() {
      return this;
    }

    @Override
    public SessionGroupWriter groupWriter() {
      return writer;
    }
  }

  private static final class RecordingWriter implements SessionGroupWriter {
    final List<List<ClientSession>> calls = new ArrayList<>();

    @Override
    public void write(List<? extends ClientSession> sessions, OutboundPayload payload) {
      calls.add(new ArrayList<>(sessions));
    }
  }
}
