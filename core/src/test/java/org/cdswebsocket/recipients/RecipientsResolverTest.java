package org.cdswebsocket.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.reflect.CdsModel;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cdswebsocket.model.EventDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.testing.TestClientSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientsResolverTest {

  private static final String PATH = "/ws/s";
  private static CdsModel model;

  private final List<TestClientSession> clients =
      List.of(
          TestClientSession.create("A1", "alice", "t1", "a1", PATH, Set.of("admin"), Set.of("c1")),
          TestClientSession.create("A2", "alice", "t1", "a2", PATH, Set.of("admin"), Set.of()),
          TestClientSession.create("B", "bob", "t1", "b", PATH, Set.of(), Set.of("c1", "c2")),
          TestClientSession.create("C", "carol", "t1", null, PATH, Set.of("user"), Set.of("c2")),
          TestClientSession.create("D", "dave", "t2", "a1", PATH, Set.of("admin"), Set.of("c1")),
          TestClientSession.create(
              "M", "alice", "t1", "a1", "/ws/other", Set.of("admin"), Set.of("c1")));

  private final RecipientsResolver cut = new RecipientsResolver(model, Operator.OR, Operator.OR);
  private final Emitter alice = Emitter.of("t1", "alice");

  @BeforeAll
  static void readModel() throws Exception {
    try (InputStream csn = RecipientsResolverTest.class.getResourceAsStream("/filter-model.json")) {
      model = CdsModel.read(csn);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain                | A1 A2 B C",
        "wsUser               | B",
        "websocketUserInclude | C",
        "broadcastUser        | B C",
        "userExclude          | B C",
        "includeCurrent       | A1 A2",
        "excludeCurrent       | B C",
        "currentUser          | A1 A2",
        "currentUserExclude   | B C",
        "role                 | A1 A2",
        "roleExclude          | B C",
        "context              | A1 B",
        "contextExclude       | A2 C",
        "identifier           | A1",
        "identifierEmpty      | A1 A2 B C",
        "andInclude           | A1",
        "orInclude            | A1 A2 B",
        "andExclude           | A1 A2 C",
      })
  void eventAnnotations(String event, String expected) {
    assertThat(receivers(resolve("S", event, Map.of(), Map.of()))).isEqualTo(set(expected));
  }

  @Test
  void elementValuesFeedFiltersAndIgnoredElementsDoNot() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ctx", List.of("c2"));
    data.put("ignored", "c1");

    assertThat(receivers(resolve("S", "elements", data, Map.of()))).isEqualTo(set("B C"));
  }

  @Test
  void manyElementOfUsersAndDynamicCurrentUser() {
    assertThat(receivers(resolve("S", "elements", Map.of("users", List.of("bob", "carol")), null)))
        .isEqualTo(set("B C"));
    assertThat(receivers(resolve("S", "elements", Map.of("mine", true), null)))
        .isEqualTo(set("A1 A2"));
    assertThat(receivers(resolve("S", "elements", Map.of("mine", false), null)))
        .isEqualTo(set("A1 A2 B C"));
    assertThat(receivers(resolve("S", "elements", Map.of("notMine", true), null)))
        .isEqualTo(set("B C"));
  }

  @Test
  void elementExcludes() {
    assertThat(
            receivers(resolve("S", "elements", Map.of("notCtx", "c2", "ids", List.of("a1")), null)))
        .isEqualTo(set("A2"));
  }

  @Test
  void annotationElementAndHeaderValuesAggregate() {
    Recipients r = resolve("S", "aggregated", Map.of("who", "carol"), Map.of("user", "alice"));

    assertThat(r.users()).containsExactlyInAnyOrder("bob", "carol", "alice");
    assertThat(receivers(r)).isEqualTo(set("A1 A2 B C"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"user\":\"bob\"}                            | B",
        "{\"wsUsers\":[\"bob\",\"carol\"]}             | B C",
        "{\"wsUser\":{\"include\":\"carol\"}}          | C",
        "{\"user\":{\"include\":[\"carol\"],\"exclude\":\"carol\"}} | ''",
        "{\"user.include\":\"carol\"}                  | A1 A2 B C",
        "{\"userExclude\":\"alice\"}                   | B C",
        "{\"wsUserExclude\":[\"alice\",\"bob\"]}       | C",
        "{\"wsCurrentUser\":true}                      | A1 A2",
        "{\"currentUser\":{\"exclude\":true}}          | B C",
        "{\"currentUser\":{\"exclude\":false}}         | A1 A2 B C",
        "{\"currentUserInclude\":1}                    | A1 A2",
        "{\"wsRoles\":\"admin\"}                       | A1 A2",
        "{\"role\":{\"exclude\":[\"admin\"]}}          | B C",
        "{\"contexts\":[\"c2\"]}                       | B C",
        "{\"wsContext\":\"c1\",\"contextExclude\":\"c2\"} | A1",
        "{\"wsContextExclude\":\"c1\"}                 | A2 C",
        "{\"context\":[\"c1\",null,[\"c2\"]]}          | A1 B C",
        "{\"identifier\":\"a1\"}                       | A1",
        "{\"wsIdentifiers\":[]}                        | A1 A2 B C",
        "{\"wsIdentifierExclude\":[\"a1\",\"b\"]}      | A2 C",
        "{\"identifier\":{\"exclude\":\"a2\"}}         | A1 B C",
        "{\"x-ws-user\":\"bob\"}                       | B",
        "{\"X-WebSocket-Current-User\":\"true\"}       | A1 A2",
        "{\"x-ws-current-user-exclude\":\"true\"}      | B C",
        "{\"x-ws-identifier\":\"a2\"}                  | A2",
      })
  void emitHeaders(String headers, String expected) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = org.cdswebsocket.spi.Json.mapper().readValue(headers, Map.class);

    assertThat(receivers(resolve("S", "plain", Map.of(), map))).isEqualTo(set(expected));
  }

  @Test
  void requestHeadersOfTheEmitterApplyAndExplicitHeadersAggregate() {
    Emitter fromHttp =
        new Emitter("t1", "alice", Map.of("X-WS-Identifier-Exclude", "a1", "accept", "*/*"));

    Recipients r = cut.resolve(endpoint("S"), event("S", "plain"), Map.of(), Map.of(), fromHttp);

    assertThat(receivers(r)).isEqualTo(set("A2 B C"));
  }

  @Test
  void otherTenantReachesOnlyItsOwnClients() {
    Recipients r =
        cut.resolve(
            endpoint("S"), event("S", "identifier"), Map.of(), null, Emitter.of("t2", "dave"));

    assertThat(receivers(r)).isEqualTo(set("D"));
  }

  @Test
  void operatorPrecedenceIsEventThenServiceThenConfiguration() {
    assertThat(receivers(resolve("A", "both", Map.of(), null))).isEqualTo(set("A1"));
    assertThat(receivers(resolve("A", "eventOr", Map.of(), null))).isEqualTo(set("A1 A2 B"));

    RecipientsResolver andByConfig = new RecipientsResolver(model, Operator.AND, Operator.OR);
    Recipients r =
        andByConfig.resolve(endpoint("S"), event("S", "orInclude"), Map.of(), null, alice);
    assertThat(receivers(r)).isEqualTo(set("A1"));
  }

  @Test
  void narrowKeepsTheBaseAndUsesTheSenderAsCurrentUser() {
    TestClientSession sender = clients.get(2);
    Recipients base = Recipients.of("t1", PATH).excludeSession("A1");

    Recipients r = cut.narrow(base, event("S", "includeCurrent"), Map.of(), sender);

    assertThat(receivers(r)).isEqualTo(set("B"));
  }

  @Test
  void facadeFilterIsNodeShaped() {
    Recipients r =
        RecipientsResolver.withFilter(
            Recipients.of("t1", PATH),
            Map.of("context", Map.of("include", "c1"), "user", Map.of("exclude", List.of("bob"))));

    assertThat(receivers(r)).isEqualTo(set("A1"));
  }

  private Recipients resolve(
      String service, String event, Map<String, Object> data, Map<String, Object> headers) {
    return cut.resolve(endpoint(service), event(service, event), data, headers, alice);
  }

  private static ServiceEndpoint endpoint(String service) {
    return new ServiceEndpoint(service, PATH, "json", Map.of(), Map.of(), Map.of());
  }

  private static EventDefinition event(String service, String name) {
    return new EventDefinition(name, model.getEvent(service + "." + name), "json");
  }

  private Set<String> receivers(Recipients recipients) {
    Set<String> ids = new TreeSet<>();
    clients.stream().filter(recipients::matches).forEach(c -> ids.add(c.id()));
    return ids;
  }

  private static Set<String> set(String ids) {
    return new TreeSet<>(
        new ArrayList<>(List.of(ids.isBlank() ? new String[0] : ids.trim().split("\\s+"))));
  }
}
