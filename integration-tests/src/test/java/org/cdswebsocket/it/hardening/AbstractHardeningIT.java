package org.cdswebsocket.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.cdswebsocket.it.filter.ContractClient;
import org.cdswebsocket.it.filter.ContractClient.Frame;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on the core guarantees of issue 12, written once and run by subclasses with real clients
 * of one kind. Each test would fail if its guarantee broke: a refused user would stay connected,
 * receive an event, or a bomb would stall the session beyond the bounded waits.
 *
 * <p>"Did not receive" is proven without timing: the server sends a marker after the event under
 * test on the same thread, and the client's frames up to the marker must not contain it.
 */
public abstract class AbstractHardeningIT {

  /** Bound of every wait. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  /** The app's HTTP port (OData). */
  @LocalServerPort protected int port;

  private final List<ContractClient> clients = new ArrayList<>();

  /** Connects a client of this kind as {@code user} (password = user); fails if refused. */
  protected abstract ContractClient connect(String path, String user, String identifier)
      throws Exception;

  /** Asserts that {@code user} cannot connect to {@code path} because it lacks service access. */
  protected abstract void assertRefusedAtConnect(String path, String user) throws Exception;

  /** Asserts that the client is (or gets) disconnected by the server. */
  protected abstract void assertDisconnectedByServer(ContractClient client) throws Exception;

  @AfterEach
  void closeClients() {
    clients.forEach(ContractClient::close);
    clients.clear();
  }

  private ContractClient client(String path, String user) throws Exception {
    ContractClient client = connect(path, user, user + "-" + UUID.randomUUID());
    clients.add(client);
    return client;
  }

  // --- 1. service-level @requires and wsConnect ---------------------------------------------

  @Test
  void aUserWithoutServiceAccessIsRefusedAndAnAdminIsServed() throws Exception {
    assertRefusedAtConnect("/ws/admins", "bob");

    ContractClient alice = client("/ws/admins", "alice");
    alice.send("publish", Map.of("text", "n1"));
    assertThat(alice.next("news", WAIT).data().path("text").asText()).isEqualTo("n1");
  }

  @Test
  void aSocketWhoseWsConnectIsRefusedIsClosedAndReceivesNothing() throws Exception {
    ContractClient bob = client("/ws/guarded", "bob");
    ContractClient carol = connect("/ws/guarded", "carol", "carol-guarded");
    clients.add(carol);

    assertDisconnectedByServer(carol);
    bob.send("publish", Map.of("text", "g1"));
    assertThat(bob.next("news", WAIT).data().path("text").asText()).isEqualTo("g1");
    assertThat(carol.collectAll(Duration.ZERO)).noneMatch(f -> f.event().equals("news"));
  }

  // --- 2. CRUD broadcasts honour READ rights --------------------------------------------------

  @Test
  void crudBroadcastsReachOnlyRecipientsWithUnconditionalReadAccess() throws Exception {
    ContractClient writer = client("/ws/crud", "alice");
    ContractClient adminReader = client("/ws/crud", "alice");
    ContractClient bob = client("/ws/crud", "bob");
    String marker = "marker-" + UUID.randomUUID();

    writer.send("DataSecrets:create", Map.of("value", "top-secret"));
    writer.send("PrivateHeaders:create", Map.of("name", "mine"));
    writer.send("Headers:create", Map.of("name", marker));

    List<Frame> bobSaw = bob.until("Headers:created", WAIT);
    List<Frame> adminSaw = adminReader.until("Headers:created", WAIT);
    assertThat(bobSaw).extracting(Frame::event).doesNotContain("DataSecrets:created");
    assertThat(bobSaw.toString()).doesNotContain("top-secret");
    assertThat(adminSaw)
        .filteredOn(f -> f.event().equals("DataSecrets:created"))
        .singleElement()
        .satisfies(f -> assertThat(f.data().path("value").asText()).isEqualTo("top-secret"));
    // instance-based READ (where createdBy = $user) is not evaluated per row: nobody gets it
    assertThat(bobSaw).extracting(Frame::event).doesNotContain("PrivateHeaders:created");
    assertThat(adminSaw).extracting(Frame::event).doesNotContain("PrivateHeaders:created");
  }

  // --- 3. contexts
  // --------------------------------------------------------------------------------

  @Test
  void aContextRefusedByTheWsContextOperationIsNotEntered() throws Exception {
    ContractClient alice = client("/ws/filter", "alice");
    ContractClient bob = client("/ws/filter", "bob");

    bob.send("wsContext", Map.of("context", "forbidden-room"));
    alice.send(
        "emitEvent", Map.of("event", "elementContext", "data", "{\"ID\":\"forbidden-room\"}"));

    assertThat(bob.until("marker", WAIT)).extracting(Frame::event).doesNotContain("elementContext");
    bob.send("facade", Map.of("op", "report"));
    assertThat(bob.next("contexts", WAIT).data().path("contexts").toString()).isEqualTo("[]");
  }

  @Test
  void tooManyOrTooLongContextsAreRefusedAsAWhole() throws Exception {
    ContractClient alice = client("/ws/crud", "alice");
    ContractClient bob = client("/ws/crud", "bob");
    List<String> many = new ArrayList<>(IntStream.range(0, 100).mapToObj(i -> "c" + i).toList());
    many.add("watchers");

    bob.send("wsContext", Map.of("contexts", many));
    bob.send("wsContext", Map.of("contexts", List.of("watchers", "x".repeat(257))));
    assertThat(deletedHeardBy(alice, bob)).as("refused requests enter nothing").isFalse();

    bob.send("wsContext", Map.of("context", "watchers"));
    handled(bob, alice);
    assertThat(deletedHeardBy(alice, bob)).as("a valid request still works").isTrue();
  }

  /**
   * Returns once the server has handled everything {@code client} sent before: a socket's frames
   * are handled in order, so a create it sends afterwards reaches {@code observer} (CRUD broadcasts
   * skip their caller) only after them. Without it, another client's event can overtake a {@code
   * wsContext} still being applied.
   */
  private static void handled(ContractClient client, ContractClient observer) throws Exception {
    client.send("Headers:create", Map.of("name", "handled-" + UUID.randomUUID()));
    // the broadcast carries only the key; the observer's own creates never come back to it
    observer.next("Headers:created", WAIT);
  }

  /** Alice deletes a row of EventHeaders (heard only in context `watchers`), then a marker. */
  private static boolean deletedHeardBy(ContractClient alice, ContractClient bob) throws Exception {
    String name = "ctx-" + UUID.randomUUID();
    alice.send("EventHeaders:create", Map.of("name", name));
    String id = bob.next("EventHeaders:created", WAIT).data().path("ID").asText();
    alice.send("EventHeaders:delete", Map.of("ID", id));
    alice.send("Headers:create", Map.of("name", "marker-" + name));
    return bob.until("Headers:created", WAIT).stream()
        .anyMatch(f -> f.event().equals("EventHeaders:deleted"));
  }

  // --- 4. x-ws-* headers ----------------------------------------------------------------------

  @Test
  void xWsHeadersOfASocketFrameDoNotSteerRecipients() throws Exception {
    ContractClient alice = client("/ws/filter", "alice");
    ContractClient bob = client("/ws/filter", "bob");

    bob.send(
        "emitEvent",
        Map.of("event", "wsRole", "data", "{\"text\":\"admins only\"}"),
        Map.of("x-ws-user", "bob", "x-ws-user-exclude", "alice", "X-WebSocket-Role", "none"));

    assertThat(bob.until("marker", WAIT)).extracting(Frame::event).doesNotContain("wsRole");
    assertThat(alice.until("marker", WAIT)).extracting(Frame::event).contains("wsRole");
  }

  @Test
  void xWsRequestHeadersNarrowButNeverWidenAnEventWithOwnFilters() throws Exception {
    ContractClient alice = client("/ws/filter", "alice");
    ContractClient bob = client("/ws/filter", "bob");

    emitOverOData("wsRole", "x-ws-user", "bob");
    assertThat(bob.until("marker", WAIT)).extracting(Frame::event).doesNotContain("wsRole");
    assertThat(alice.until("marker", WAIT)).extracting(Frame::event).contains("wsRole");

    emitOverOData("wsRole", "x-ws-user-exclude", "alice");
    assertThat(alice.until("marker", WAIT)).extracting(Frame::event).doesNotContain("wsRole");
  }

  private void emitOverOData(String event, String header, String value) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/odata/v4/filter/emitEvent"))
            .header("Authorization", WsTestClient.basic("alice", "alice"))
            .header("Content-Type", "application/json")
            .header(header, value)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"event\":\"" + event + "\",\"data\":\"{}\",\"headers\":\"{}\"}"))
            .timeout(WAIT)
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
  }

  // --- 5. number bomb -------------------------------------------------------------------------

  @Test
  void numberBombsAreRefusedWithoutStallingTheSession() throws Exception {
    ContractClient main = client("/ws/main", "bob");
    main.sendRaw("sum", "{\"a\":1e400000000,\"b\":1}");
    main.sendRaw("sum", "{\"a\":-1e400000000,\"b\":1}");
    main.sendRaw("price", "{\"p\":1e400000000}");
    main.sendRaw("ratio", "{\"r\":1e400000000}");
    main.sendRaw("total", "{\"values\":[1,1e400000000]}");
    main.send("trigger", Map.of("text", "alive"));
    assertThat(main.next("customEvent", WAIT).data().path("text").asText()).isEqualTo("alive");

    ContractClient attacker = client("/ws/crud", "bob");
    ContractClient observer = client("/ws/crud", "carol");
    attacker.sendRaw("Headers:create", "{\"name\":\"bomb\",\"stock\":1e400000000}");
    attacker.sendRaw("Headers:list", "{\"stock\":1e400000000}");
    attacker.sendRaw("Headers:update", "{\"ID\":1e400000000,\"stock\":1}");
    attacker.send("Headers:create", Map.of("name", "after-bomb"));
    List<Frame> seen = observer.until("Headers:created", WAIT);
    assertThat(seen.get(seen.size() - 1).data().path("ID").isTextual()).isTrue();
    assertThat(seen).filteredOn(f -> f.event().equals("Headers:created")).hasSize(1);
  }

  // --- 7. reserved parameter names ------------------------------------------------------------

  /**
   * A regression guard on both kinds: before the fix the payload's {@code cqn} occupied the target
   * key and CAP failed with a ClassCastException before any handler ran; the Socket.IO subclass
   * asserts the clean 400 refusal.
   */
  @Test
  void aParameterNamedCqnNeverReplacesTheBoundTarget() throws Exception {
    ContractClient writer = client("/ws/crud", "alice");
    ContractClient caller = client("/ws/crud", "alice");
    writer.send("Headers:create", Map.of("name", "target-" + UUID.randomUUID()));
    String id = caller.next("Headers:created", WAIT).data().path("ID").asText();

    Map<String, Object> attack = new LinkedHashMap<>();
    attack.put("ID", id);
    attack.put("cqn", "SELECT from CrudService.Secrets");
    caller.send("Headers:target", attack);
    caller.send("Headers:target", Map.of("ID", id));

    List<Frame> targeted =
        caller.until("targeted", WAIT).stream().filter(f -> f.event().equals("targeted")).toList();
    assertThat(targeted).hasSize(1);
    assertThat(targeted.get(0).data().path("result").asText()).isEqualTo("target:" + id);
    assertThat(caller.collect("targeted", Duration.ofMillis(200))).isEmpty();
  }

  // --- 8. errors and logs ---------------------------------------------------------------------

  @Test
  void anErrorThrownByAHandlerDoesNotStopTheSession() throws Exception {
    ContractClient main = client("/ws/main", "bob");
    main.send("crash", Map.of());
    main.send("trigger", Map.of("text", "still here"));
    assertThat(main.next("customEvent", WAIT).data().path("text").asText()).isEqualTo("still here");
  }

  @Test
  void clientTextCannotForgeLogLines() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("org.cdswebsocket");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      ContractClient main = client("/ws/main", "bob");
      main.send("nope\r\n12:00:00.000 INFO FORGED", Map.of());
      main.send("sum", Map.of("a", 1, "b", 2, "x\nFORGED", 3));
      main.send("trigger", Map.of("text", "sync"));
      main.next("customEvent", WAIT);
    } finally {
      logger.detachAppender(appender);
    }
    List<String> messages = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(messages).anyMatch(m -> m.contains("FORGED"));
    assertThat(messages).noneMatch(m -> m.contains("\n") || m.contains("\r"));
  }
}
