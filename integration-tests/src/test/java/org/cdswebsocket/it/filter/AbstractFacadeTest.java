package org.cdswebsocket.it.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.it.FilterServiceHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-socket facade from CAP handlers invoked by a socket, the lifecycle operations {@code
 * wsConnect}, {@code wsContext}, {@code wsDisconnect}, and path isolation; subclasses connect real
 * clients of one kind.
 *
 * <p>"Not delivered" is shown without timing: after the call under test, the caller triggers {@code
 * emitEvent}, whose {@code marker} reaches every client of the tenant after anything the call sent.
 */
public abstract class AbstractFacadeTest {

  /** Bound of every wait. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * Connects a client of this kind as {@code user} (password = user name).
   *
   * @param path the service path ({@code /ws/filter})
   * @param identifier the client identifier ({@code ?id=})
   */
  protected abstract ContractClient connect(String path, String user, String identifier)
      throws Exception;

  /**
   * Waits until the server has closed the client after the facade's {@code disconnect()} and
   * returns the reason {@code wsDisconnect} and {@code onDisconnect} callbacks are expected to see.
   */
  protected abstract String awaitServerDisconnect(ContractClient client) throws Exception;

  private ContractClient alice;
  private ContractClient bob;
  private ContractClient carol;

  /** The {@code welcome} each client's {@code wsConnect} sent, per client. */
  private final Map<ContractClient, ContractClient.Frame> welcomes = new HashMap<>();

  @BeforeEach
  void connect() throws Exception {
    alice = admitted("alice", "f-a");
    bob = admitted("bob", "f-b");
    carol = admitted("carol", "f-c");
  }

  /** Connects to {@code /ws/filter} and waits until the server registered the socket. */
  private ContractClient admitted(String user, String identifier) throws Exception {
    ContractClient client = connect("/ws/filter", user, identifier);
    welcomes.put(client, client.awaitWelcome(WAIT));
    return client;
  }

  @AfterEach
  void close() {
    List.of(alice, bob, carol).forEach(ContractClient::close);
  }

  @Test
  void wsConnectRunsWithTheFacadeOfTheNewSocket() throws Exception {
    assertThat(welcomes.get(alice).data().path("user").asText()).isEqualTo("alice");
    assertThat(welcomes.get(bob).data().path("user").asText()).isEqualTo("bob");
  }

  @Test
  void emitReachesOnlyTheCallingSocket() throws Exception {
    facade(alice, "emit", "to-me", null, null);

    Map<String, List<String>> received = sync();
    assertThat(received.get("alice")).containsExactly("to-me");
    assertThat(received.get("bob")).isEmpty();
    assertThat(received.get("carol")).isEmpty();
  }

  @Test
  void broadcastSkipsTheCallerAndBroadcastAllAppliesTheFilter() throws Exception {
    facade(alice, "broadcast", "others", null, null);
    facade(alice, "broadcastAll", "all-but-bob", null, "{\"user\":{\"exclude\":\"bob\"}}");

    Map<String, List<String>> received = sync();
    assertThat(received.get("alice")).containsExactly("all-but-bob");
    assertThat(received.get("bob")).containsExactly("others");
    assertThat(received.get("carol")).containsExactly("others", "all-but-bob");
  }

  @Test
  void enterExitAndResetChangeWhatTheSocketReceives() throws Exception {
    assertThat(facade(alice, "enter", null, "room-1", null)).isEqualTo("[\"room-1\"]");
    assertThat(facade(alice, "enter", null, "room-2", null)).isEqualTo("[\"room-1\",\"room-2\"]");
    bob.send("emitEvent", Map.of("event", "elementContext", "data", "{\"ID\":\"room-1\"}"));
    assertThat(alice.until("marker", WAIT)).anyMatch(f -> f.event().equals("elementContext"));
    assertThat(carol.until("marker", WAIT)).noneMatch(f -> f.event().equals("elementContext"));
    bob.until("marker", WAIT);

    assertThat(facade(alice, "exit", null, "room-1", null)).isEqualTo("[\"room-2\"]");
    assertThat(facade(alice, "reset", null, null, null)).isEqualTo("[]");
    bob.send("emitEvent", Map.of("event", "elementContext", "data", "{\"ID\":\"room-1\"}"));
    assertThat(alice.until("marker", WAIT)).noneMatch(f -> f.event().equals("elementContext"));
  }

  @Test
  void wsContextEventAppliesExitAndResetThenCallsTheOperation() throws Exception {
    alice.send("wsContext", Map.of("context", "a"));
    assertThat(facade(alice, "report", null, null, null)).isEqualTo("[\"a\"]");
    alice.send("wsContext", Map.of("context", "b"));
    assertThat(facade(alice, "report", null, null, null)).isEqualTo("[\"a\",\"b\"]");
    alice.send("wsContext", Map.of("context", "a", "exit", true));
    assertThat(facade(alice, "report", null, null, null)).isEqualTo("[\"b\"]");
    alice.send("wsContext", Map.of("context", "c", "reset", true));
    assertThat(facade(alice, "report", null, null, null)).isEqualTo("[\"c\"]");
  }

  @Test
  void nativeSocketIsReachable() throws Exception {
    facade(alice, "native", null, null, null);

    assertThat(sync().get("alice")).singleElement().asString().isNotBlank();
  }

  @Test
  void disconnectClosesAndRunsWsDisconnectThenOnDisconnectCallbacks() throws Exception {
    // unique: the record is shared by every test class of the JVM
    String id = "f-leaving-" + UUID.randomUUID();
    try (ContractClient leaving = connect("/ws/filter", "carol", id)) {
      facade(leaving, "onDisconnect", null, null, null);
      leaving.send("facade", Map.of("op", "disconnect"));

      String reason = awaitServerDisconnect(leaving);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(FilterServiceHandler.DISCONNECTS)
                      .filteredOn(s -> s.startsWith(id + ":"))
                      .containsExactly(
                          id + ":wsDisconnect:" + reason, id + ":onDisconnect:" + reason));
    }
  }

  @Test
  void eventsStayAtTheirServicePath() throws Exception {
    try (ContractClient elsewhere = connect("/ws/main", "alice", "f-a")) {
      alice.send("emitEvent", Map.of("event", "plain", "data", "{\"text\":\"filter only\"}"));

      assertThat(plain(bob.until("marker", WAIT))).containsExactly("filter only");
      assertThat(elsewhere.collectAll(Duration.ofMillis(500))).isEmpty();
    }
  }

  /** Calls the facade operation and returns the caller's contexts it reports afterwards. */
  private String facade(
      ContractClient client, String op, String text, String context, String filter)
      throws Exception {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("op", op);
    if (text != null) {
      data.put("text", text);
    }
    if (context != null) {
      data.put("context", context);
    }
    if (filter != null) {
      data.put("filter", filter);
    }
    client.send("facade", data);
    List<ContractClient.Frame> frames = client.until("contexts", WAIT);
    earlier.computeIfAbsent(client, c -> new ArrayList<>()).addAll(frames);
    return frames.get(frames.size() - 1).data().path("contexts").toString();
  }

  /** Frames consumed while waiting for a facade call, per client, for {@link #sync()}. */
  private final Map<ContractClient, List<ContractClient.Frame>> earlier = new HashMap<>();

  /**
   * The texts of {@code plain} events each client received so far: bob triggers {@code emitEvent},
   * whose {@code marker} reaches every client after everything sent before.
   */
  private Map<String, List<String>> sync() throws Exception {
    bob.send("emitEvent", Map.of("event", "disconnects", "data", "{\"text\":\"sync\"}"));
    Map<String, List<String>> texts = new java.util.LinkedHashMap<>();
    texts.put("alice", plain(received(alice)));
    texts.put("bob", plain(received(bob)));
    texts.put("carol", plain(received(carol)));
    return texts;
  }

  private List<ContractClient.Frame> received(ContractClient client) throws Exception {
    List<ContractClient.Frame> frames = new ArrayList<>(earlier.getOrDefault(client, List.of()));
    earlier.remove(client);
    frames.addAll(client.until("marker", WAIT));
    return frames;
  }

  private static List<String> plain(List<ContractClient.Frame> frames) {
    return frames.stream()
        .filter(f -> f.event().equals("plain"))
        .map(f -> f.data().path("text").asText())
        .toList();
  }
}
