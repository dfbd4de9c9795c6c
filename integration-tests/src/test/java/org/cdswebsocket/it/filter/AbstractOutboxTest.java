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

/**
 * Events emitted through CAP's in-memory and persistent outbox: delivered after commit, exactly
 * once, to the recipients a direct emit would reach although the outbox delivers as the system
 * user; never delivered after a rollback; tenant-isolated. Subclasses connect real clients of one
 * kind.
 */
public abstract class AbstractOutboxTest {

  /**
   * Bound of every wait (a wait ends as soon as what it waits for arrives). Generous because of
   * CAP's persistent outbox in this test app: both mock tenants share one outbox table, so a
   * message can sit behind another tenant's failed attempt until the collector's next run (a CI run
   * once saw no delivery within 15 s).
   */
  protected static final Duration WAIT = Duration.ofSeconds(60);

  /** How long "nothing more arrives" is observed after the awaited event has arrived. */
  protected static final Duration QUIET = Duration.ofMillis(500);

  /** Connects a client of this kind to {@code /ws/filter} as {@code user} (password = user). */
  protected abstract ContractClient connect(String user, String identifier) throws Exception;

  /** alice (t1, id {@code o-a}), bob (t1, {@code o-b}), dave (t2, {@code o-d}). */
  protected ContractClient alice;

  /** See {@link #alice}. */
  protected ContractClient bob;

  /** See {@link #alice}. */
  protected ContractClient dave;

  @BeforeEach
  void connect() throws Exception {
    alice = connect("alice", "o-a");
    alice.awaitWelcome(WAIT);
    bob = connect("bob", "o-b");
    bob.awaitWelcome(WAIT);
    dave = connect("dave", "o-d");
    dave.awaitWelcome(WAIT);
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

    assertThat(seen)
        .containsOnlyOnce("committed-" + outbox)
        .doesNotContain("rolled-back-" + outbox);
  }

  @ParameterizedTest
  @ValueSource(strings = {"inmemory", "persistent"})
  void outboxedEventsStayInTheEmittersTenant(String outbox) throws Exception {
    // One after the other: the test app keeps both mock tenants in one database, so CAP's
    // persistent-outbox collector of one tenant also picks up the other tenant's pending messages
    // and fails on them ("Database transaction was started for tenant 't1', but now found active
    // tenant 't2'"), delaying every later message; in a real multitenant app each tenant has its
    // own outbox table.
    emit(dave, outbox, "plain", "t2-" + outbox, "{}", false);
    assertThat(texts(dave, "t2-" + outbox)).containsExactly("t2-" + outbox);
    emit(alice, outbox, "plain", "t1-" + outbox, "{}", false);

    assertThat(texts(bob, "t1-" + outbox)).containsExactly("t1-" + outbox);
    assertThat(texts(dave, QUIET)).doesNotContain("t1-" + outbox);
    assertThat(texts(alice, "t1-" + outbox)).doesNotContain("t2-" + outbox);
  }

  private static void emit(
      ContractClient client, String outbox, String event, String text, String headers, boolean fail)
      throws Exception {
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
  protected static List<String> texts(ContractClient client, String last) throws Exception {
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
  protected static List<String> texts(ContractClient client, Duration quiet) throws Exception {
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
