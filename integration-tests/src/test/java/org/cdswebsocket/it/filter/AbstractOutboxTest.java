package org.cdswebsocket.it.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Events emitted through CAP's in-memory and persistent outbox: delivered after commit, exactly
 * once, to the recipients a direct emit would reach although the outbox delivers as the system
 * user; never delivered after a rollback; tenant-isolated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxWsTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration QUIET = Duration.ofMillis(500);

  @LocalServerPort int port;

  private ContractClient alice;
  private ContractClient bob;
  private ContractClient dave;

  @BeforeEach
  void connect() throws Exception {
    alice = WsContractClient.connect(port, "/ws/filter", "alice", "o-a");
    bob = WsContractClient.connect(port, "/ws/filter", "bob", "o-b");
    dave = WsContractClient.connect(port, "/ws/filter", "dave", "o-d");
  }

  @AfterEach
  void close() {
    List.of(alice, bob, dave).forEach(ContractClient::close);
  }

  @ParameterizedTest
  @ValueSource(strings = {"inmemory", "persistent"})
  void currentUserAnnotationAndHeadersSurviveTheOutbox(String outbox) throws Exception {
    emit(alice, outbox, "wsUserIncludeCurrent", "annotated-" + outbox, "{}", false);
    emit(alice, outbox, "plain", "header-" + outbox, "{\"wsIdentifierExclude\":\"o-a\"}", false);

    assertThat(texts(bob, "header-" + outbox)).containsExactly("header-" + outbox);
    assertThat(texts(alice, "annotated-" + outbox)).containsExactly("annotated-" + outbox);
    assertThat(texts(bob, QUIET)).doesNotContain("annotated-" + outbox);
    assertThat(texts(alice, QUIET)).doesNotContain("header-" + outbox);
    assertThat(texts(dave, QUIET)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"inmemory", "persistent"})
  void deliveredExactlyOnceAfterCommitAndNeverAfterRollback(String outbox) throws Exception {
    emit(alice, outbox, "plain", "rolled-back-" + outbox, "{}", true);
    emit(alice, outbox, "plain", "committed-" + outbox, "{}", false);

    List<String> seen = texts(bob, "committed-" + outbox);
    seen.addAll(texts(bob, QUIET));

    assertThat(seen).containsOnlyOnce("committed-" + outbox).doesNotContain("rolled-back-" + outbox);
  }

  @ParameterizedTest
  @ValueSource(strings = {"inmemory", "persistent"})
  void outboxedEventsStayInTheEmittersTenant(String outbox) throws Exception {
    emit(dave, outbox, "plain", "t2-" + outbox, "{}", false);
    emit(alice, outbox, "plain", "t1-" + outbox, "{}", false);

    assertThat(texts(dave, "t2-" + outbox)).containsExactly("t2-" + outbox);
    assertThat(texts(bob, "t1-" + outbox)).containsExactly("t1-" + outbox);
    assertThat(texts(dave, QUIET)).doesNotContain("t1-" + outbox);
    assertThat(texts(alice, "t1-" + outbox)).doesNotContain("t2-" + outbox);
  }

  private static void emit(
      ContractClient client, String outbox, String event, String text, String headers,
      boolean fail) throws Exception {
    client.send(
        "emitOutboxed",
        Map.of(
            "event", event,
            "data", "{\"text\":\"" + text + "\"}",
            "headers", headers,
            "outbox", outbox,
            "fail", fail));
  }

  /** Texts of events received up to and including {@code last}; fails if it never arrives. */
  private static List<String> texts(ContractClient client, String last) throws Exception {
    List<String> texts = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ContractClient.Frame frame : client.collectAll(Duration.ofMillis(100))) {
        addText(texts, frame);
      }
      if (texts.contains(last)) {
        return texts;
      }
    }
    throw new AssertionError("'" + last + "' not received within " + WAIT + "; got " + texts);
  }

  /** Texts of every event received within the quiet period. */
  private static List<String> texts(ContractClient client, Duration quiet) throws Exception {
    List<String> texts = new ArrayList<>();
    for (ContractClient.Frame frame : client.collectAll(quiet)) {
      addText(texts, frame);
    }
    return texts;
  }

  /** Records the text of a test event; lifecycle frames ({@code welcome}) carry none. */
  private static void addText(List<String> texts, ContractClient.Frame frame) {
    String text = frame.data().path("text").asText();
    if (!text.isEmpty()) {
      texts.add(text);
    }
  }
}
