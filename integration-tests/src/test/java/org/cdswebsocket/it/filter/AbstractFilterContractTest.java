package org.cdswebsocket.it.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client-determination contract, one table for every kind: which of five connected clients
 * receive an event, given its filter annotations (every name variant), data and emit headers.
 *
 * <p>Clients (all at {@code FilterService}): {@code A1} alice (role admin, tenant t1, id a1,
 * context c1), {@code A2} alice (id a2, no context), {@code B} bob (id b, contexts c1 and c2),
 * {@code C} carol (no id, context c2), {@code D} dave (tenant t2, id a1, context c1). Each row is
 * emitted by the named client through the {@code emitEvent} operation, so its user is the current
 * user. After every row the server emits a {@code marker} in each tenant; a client's frames before
 * its marker show exactly what it received, without timing assumptions.
 *
 * <p>Subclasses connect real clients of one kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractFilterContractTest {

  /** Bound of every wait. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  private final Map<String, ContractClient> clients = new LinkedHashMap<>();

  /**
   * Connects a client of this kind to {@code FilterService} as {@code user} (password = user).
   *
   * @param identifier the client identifier ({@code ?id=}), or {@code null}
   */
  protected abstract ContractClient connect(String user, String identifier) throws Exception;

  @BeforeAll
  void connectClients() throws Exception {
    clients.put("A1", connect("alice", "a1"));
    clients.put("A2", connect("alice", "a2"));
    clients.put("B", connect("bob", "b"));
    clients.put("C", connect("carol", null));
    clients.put("D", connect("dave", "a1"));
    enter("A1", "c1");
    enter("B", "c1");
    enter("B", "c2");
    enter("C", "c2");
    enter("D", "c1");
  }

  @AfterAll
  void closeClients() {
    clients.values().forEach(ContractClient::close);
  }

  private void enter(String client, String context) throws Exception {
    ContractClient c = clients.get(client);
    c.send("wsContext", Map.of("context", context));
    c.send("facade", Map.of("op", "report"));
    assertThat(c.next("contexts", WAIT).data().path("contexts").toString()).contains(context);
  }

  @ParameterizedTest(name = "[{index}] {0} emits {1} {2} {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // no filter; tenant isolation
        "A1 | plain                                | {\"text\":\"x\"} | -  | A1 A2 B C",
        "D  | plain                                | -                | -  | D",
        "D  | wsContextStatic                      | -                | -  | D",
        "D  | wsUser                               | -                | -  | -",
        // users, every variant
        "A1 | wsUser                               | - | - | B",
        "A1 | websocketUserInclude                 | - | - | C",
        "A1 | wsBroadcastUserInclude               | - | - | B",
        "A1 | websocketBroadcastUser               | - | - | C",
        "A1 | wsUserInclude                        | - | - | B",
        "A1 | websocketUser                        | - | - | B C",
        "A1 | wsBroadcastUser                      | - | - | C",
        "A1 | websocketBroadcastUserInclude        | - | - | B",
        "A1 | wsUserExclude                        | - | - | B C",
        "A1 | websocketUserExclude                 | - | - | C",
        "A1 | wsBroadcastUserExclude               | - | - | A1 A2 C",
        "A1 | websocketBroadcastUserExclude        | - | - | A1 A2 B",
        "A1 | wsStructured                         | - | - | B",
        // current user, static
        "A1 | wsUserIncludeCurrent                 | - | - | A1 A2",
        "A1 | websocketUserExcludeCurrent          | - | - | B C",
        "A1 | wsBroadcastUserIncludeCurrent        | - | - | A1 A2",
        "A1 | websocketBroadcastUserExcludeCurrent | - | - | B C",
        "A1 | wsCurrentUser                        | - | - | A1 A2",
        "A1 | websocketCurrentUserInclude          | - | - | A1 A2",
        "A1 | wsCurrentUserExclude                 | - | - | B C",
        "A1 | websocketBroadcastCurrentUser        | - | - | A1 A2",
        "A1 | wsBroadcastCurrentUserInclude        | - | - | A1 A2",
        "A1 | websocketBroadcastCurrentUserExclude | - | - | B C",
        "B  | wsCurrentUser                        | - | - | B",
        // roles
        "A1 | wsRole                               | - | - | A1 A2",
        "A1 | websocketRoleInclude                 | - | - | A1 A2",
        "A1 | wsBroadcastRole                      | - | - | A1 A2",
        "A1 | websocketBroadcastRoleInclude        | - | - | A1 A2",
        "A1 | wsRoleExclude                        | - | - | B C",
        "A1 | websocketBroadcastRoleExclude        | - | - | B C",
        // contexts
        "A1 | wsContextStatic                      | - | - | A1 B",
        "A1 | websocketContextInclude              | - | - | B C",
        "A1 | wsBroadcastContext                   | - | - | B C",
        "A1 | websocketBroadcastContextInclude     | - | - | A1 B",
        "A1 | wsContextExclude                     | - | - | A2 C",
        "A1 | websocketBroadcastContextExclude     | - | - | A2",
        // identifiers
        "A1 | wsIdentifier                         | - | - | A1",
        "A1 | websocketIdentifierInclude           | - | - | A2 B",
        "A1 | wsBroadcastIdentifierInclude         | - | - | B",
        "A1 | wsIdentifierExclude                  | - | - | A2 B C",
        "A1 | websocketBroadcastIdentifierExclude  | - | - | B C",
        "A1 | wsIdentifierEmpty                    | - | - | A1 A2 B C",
        // element level
        "A1 | elementUsers              | {\"users\":[\"bob\",\"carol\"]} | - | B C",
        "A1 | elementUsers              | {\"users\":[]}                  | - | A1 A2 B C",
        "A1 | elementUserExclude        | {\"user\":\"alice\"}            | - | B C",
        "A1 | elementCurrentUser        | {\"flag\":true}                 | - | A1 A2",
        "A1 | elementCurrentUser        | {\"flag\":false}                | - | A1 A2 B C",
        "A1 | elementCurrentUserExclude | {\"flag\":true}                 | - | B C",
        "A1 | elementUserIncludeCurrent | {\"flag\":true}                 | - | A1 A2",
        "A1 | elementRole               | {\"role\":\"admin\"}            | - | A1 A2",
        "A1 | elementRoleExclude        | {\"role\":\"admin\"}            | - | B C",
        "A1 | elementContext            | {\"ID\":\"c2\",\"text\":\"x\"}  | - | B C",
        "A1 | elementContexts           | {\"IDs\":[\"c1\",\"c2\"]}       | - | A1 B C",
        "A1 | elementContextExclude     | {\"ID\":\"c1\"}                 | - | A2 C",
        "A1 | elementContextIgnored     | {\"ID\":\"c1\"}                 | - | A1 A2 B C",
        "A1 | elementContextIgnored2    | {\"ID\":\"c1\"}                 | - | A1 A2 B C",
        "A1 | elementIdentifier         | {\"id\":\"a2\"}                 | - | A2",
        "A1 | elementIdentifierExclude  | {\"ids\":[\"a1\",\"b\"]}        | - | A2 C",
        // aggregation (annotation + element + header) and operators
        "A1 | aggregated  | {\"who\":\"carol\"} | -                     | B C",
        "A1 | aggregated  | {\"who\":\"carol\"} | {\"wsUser\":\"alice\"} | A1 A2 B C",
        "A1 | andInclude  | - | - | A1",
        "A1 | orInclude   | - | - | A1 A2 B",
        "A1 | andExclude  | - | - | A1 A2 C",
        "A1 | orExclude   | - | - | A1 A2",
        // emit headers, every name form
        "A1 | plain | - | {\"user\":\"bob\"}                          | B",
        "A1 | plain | - | {\"wsUsers\":[\"bob\",\"carol\"]}           | B C",
        "A1 | plain | - | {\"users\":\"carol\"}                       | C",
        "A1 | plain | - | {\"wsUser\":{\"include\":\"carol\"}}        | C",
        "A1 | plain | - | {\"userInclude\":\"bob\"}                  | B",
        "A1 | plain | - | {\"wsUserInclude\":\"carol\"}              | C",
        "A1 | plain | - | {\"user.include\":\"carol\"}               | A1 A2 B C",
        "A1 | plain | - | {\"wsUserExclude\":\"alice\"}              | B C",
        "A1 | plain | - | {\"user\":{\"exclude\":[\"alice\",\"bob\"]}} | C",
        "A1 | plain | - | {\"wsCurrentUser\":true}                   | A1 A2",
        "A1 | plain | - | {\"currentUser\":true}                     | A1 A2",
        "A1 | plain | - | {\"wsCurrentUserInclude\":true}            | A1 A2",
        "A1 | plain | - | {\"currentUser\":{\"include\":true}}       | A1 A2",
        "A1 | plain | - | {\"currentUser\":{\"exclude\":true}}       | B C",
        "A1 | plain | - | {\"currentUserExclude\":true}              | B C",
        "A1 | plain | - | {\"wsCurrentUser\":{\"exclude\":true}}     | B C",
        "A1 | plain | - | {\"wsRoles\":\"admin\"}                     | A1 A2",
        "A1 | plain | - | {\"role\":{\"exclude\":\"admin\"}}         | B C",
        "A1 | plain | - | {\"contexts\":[\"c2\"]}                    | B C",
        "A1 | plain | - | {\"wsContext\":\"c1\"}                     | A1 B",
        "A1 | plain | - | {\"contextExclude\":\"c1\"}                | A2 C",
        "A1 | plain | - | {\"wsContexts\":[\"c1\",null,[\"c2\"]]}    | A1 B C",
        "A1 | plain | - | {\"identifier\":\"a1\"}                    | A1",
        "A1 | plain | - | {\"wsIdentifiers\":[\"a2\",\"b\"]}         | A2 B",
        "A1 | plain | - | {\"identifierExclude\":[\"a1\",\"b\"]}     | A2 C",
        "A1 | plain | - | {\"wsIdentifier\":{\"exclude\":\"a2\"}}    | A1 B C",
        "A1 | plain | - | {\"wsUsers\":[]}                           | A1 A2 B C",
        "A1 | plain | - | {\"x-ws-user\":\"bob\"}                    | B",
        "A1 | plain | - | {\"X-WebSocket-Current-User\":\"true\"}    | A1 A2",
        "A1 | plain | - | {\"x-ws-context-exclude\":\"c1\"}          | A2 C",
      })
  void deliversExactlyToMatchingClients(
      String emitter, String event, String data, String headers, String expected) throws Exception {
    clients
        .get(emitter)
        .send(
            "emitEvent",
            Map.of(
                "event", event,
                "data", data == null ? "{}" : data,
                "headers", headers == null ? "{}" : headers));

    Set<String> received = new TreeSet<>();
    for (Map.Entry<String, ContractClient> client : clients.entrySet()) {
      List<ContractClient.Frame> frames = client.getValue().until("marker", WAIT);
      if (frames.stream().anyMatch(f -> f.event().equals(event))) {
        received.add(client.getKey());
      }
    }

    assertThat(received).isEqualTo(ids(expected));
  }

  private static Set<String> ids(String expected) {
    return expected == null
        ? Set.of()
        : new TreeSet<>(Arrays.asList(expected.trim().split("\\s+")));
  }
}
