package org.cdswebsocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdswebsocket.broadcast.Broadcast;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.recipients.Operator;
import org.cdswebsocket.recipients.Recipients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cluster semantics with three in-process nodes on an in-memory bus; no Redis needed. */
class ClusterBroadcasterTest {

  private final InMemoryClusterBus bus = new InMemoryClusterBus();
  private final List<Recorder> locals = new ArrayList<>();
  private final List<ClusterBroadcaster> nodes = new ArrayList<>();

  @BeforeEach
  void threeNodes() {
    for (int i = 0; i < 3; i++) {
      Recorder local = new Recorder();
      locals.add(local);
      nodes.add(new ClusterBroadcaster(local, bus.node()));
    }
  }

  @Test
  void everyNodeDeliversExactlyOnce() {
    nodes.get(0).broadcast(broadcast(Recipients.of("t1", "/ws/chat")));

    assertThat(locals).allSatisfy(local -> assertThat(local.received).hasSize(1));
  }

  @Test
  void recipientsSurviveTheTripIncludingTheExcludedSender() {
    Recipients recipients =
        Recipients.of("t1", "/ws/chat")
            .includeUsers(Set.of("alice"))
            .excludeContexts(Set.of("muted"))
            .excludeSession("sender-session")
            .operators(Operator.AND, Operator.OR);

    nodes.get(1).broadcast(broadcast(recipients));

    Broadcast remote = locals.get(2).received.get(0);
    assertThat(remote.recipients()).isEqualTo(recipients);
    assertThat(remote.data()).isEqualTo(Map.of("text", "hi"));
    assertThat(remote.headers()).isEqualTo(Map.of("h", "v"));
  }

  @Test
  void publishFailureStillDeliversLocally() {
    bus.failPublish = true;

    nodes.get(0).broadcast(broadcast(Recipients.of("t1", "/ws/chat")));

    assertThat(locals.get(0).received).hasSize(1);
    assertThat(locals.get(1).received).isEmpty();
  }

  @Test
  void garbageOnTheBusIsDropped() {
    bus.node().publish("{not a message");

    assertThat(locals).allSatisfy(local -> assertThat(local.received).isEmpty());
  }

  private static Broadcast broadcast(Recipients recipients) {
    return new Broadcast("received", "json", Map.of("text", "hi"), Map.of("h", "v"), recipients);
  }

  private static final class Recorder implements Broadcaster {
    final List<Broadcast> received = new ArrayList<>();

    @Override
    public void broadcast(Broadcast broadcast) {
      received.add(broadcast);
    }
  }
}
