package org.cdswebsocket.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sap.cds.reflect.CdsModel;
import com.sap.cds.reflect.CdsParameter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cdswebsocket.model.WebSocketModelResolver.ServiceConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which services the resolver serves, at which path, and what their entities, events and operations
 * contribute; read from CDS models compiled to CSN ({@code resolver-model.cds}, {@code
 * resolver-errors-model.cds}), no CAP runtime.
 */
class WebSocketModelResolverTest {

  private static final Set<String> JSON_AND_PCP = Set.of("json", "pcp");

  private static CdsModel model;
  private static CdsModel errorsModel;
  private static WebSocketModel withoutConfig;

  @BeforeAll
  static void readModels() throws IOException {
    model = read("/resolver-model.json");
    errorsModel = read("/resolver-errors-model.json");
    withoutConfig = resolve(name -> ServiceConfig.NONE);
  }

  private static CdsModel read(String resource) throws IOException {
    try (InputStream csn = WebSocketModelResolverTest.class.getResourceAsStream(resource)) {
      return CdsModel.read(csn);
    }
  }

  private static WebSocketModel resolve(Function<String, ServiceConfig> config) {
    return new WebSocketModelResolver("/ws", "json", JSON_AND_PCP, config).resolve(model);
  }

  /** The model resolved without any service configuration (resolved once). */
  private static WebSocketModel resolve() {
    return withoutConfig;
  }

  private static Map<String, String> pathsByService(WebSocketModel resolved) {
    return resolved.endpoints().stream()
        .collect(Collectors.toMap(ServiceEndpoint::serviceName, ServiceEndpoint::path));
  }

  private static ServiceEndpoint endpointOf(WebSocketModel resolved, String service) {
    return resolved.endpoints().stream()
        .filter(e -> e.serviceName().equals(service))
        .findFirst()
        .orElseThrow(() -> new AssertionError(service + " is not served"));
  }

  // ---- which services, which paths ----

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
    "ChatService,                   /ws/chat", // @websocket, default slug
    "GuestBillingService,           /ws/guest-billing", // @ws, camel humps become dashes
    "ProtocolStringService,         /ws/protocol-string", // @protocol: 'websocket'
    "ProtocolShortService,          /ws/short", // @protocol: 'ws' with @path
    "ProtocolUpperCaseService,      /ws/protocol-upper-case", // @protocol: 'WebSocket'
    "ProtocolListService,           /ws/listed", // @protocol: ['odata','websocket']
    "ProtocolsListService,          /ws/protocols-list", // @protocols: ['rest','ws']
    "NodeObjectFormService,         /ws/node-object-form", // @protocol: [{kind:'websocket'}]
    "AbsoluteService,               /absolute", // absolute @path, trailing slash dropped
    "NestedService,                 /ws/nested/deeper", // relative @path with segments
    "my.name.space.Snake_CaseService, /ws/snake-case", // namespace dropped, underscore to dash
    "PcpService,                    /ws/pcp",
    "ConfiguredPathService,         /ws/annotated",
    "ConfiguredOffService,          /ws/configured-off",
    "ConfiguredIgnoredService,      /ws/configured-ignored",
  })
  void everyProtocolAnnotationFormIsServedAtItsPath(String service, String path) {
    assertThat(pathsByService(resolve())).containsEntry(service, path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ODataOnlyService", // @protocol: 'odata'
        "ODataRestService", // @protocol: ['odata','rest']
        "PlainService", // no annotation
        "IgnoredService", // @websocket + @cds.ignore
        "ServeIgnoredService", // @websocket + @cds.serve.ignore
        "ConfiguredOnService", // only configuration would serve it
      })
  void servicesWithoutWebSocketProtocolOrIgnoredAreNotServed(String service) {
    assertThat(model.findService(service)).as("present in the model").isPresent();
    assertThat(pathsByService(resolve())).doesNotContainKey(service);
  }

  @Test
  void ignoreAnnotationsAreTheOnesTheModelUses() {
    assertThat(Annotations.IGNORE_SERVICE).containsExactly("cds.ignore", "cds.serve.ignore");
    assertThat(model.getService("IgnoredService").getAnnotationValue("cds.ignore", false)).isTrue();
    assertThat(
            model.getService("ServeIgnoredService").getAnnotationValue("cds.serve.ignore", false))
        .isTrue();
  }

  @Test
  void exactlyTheExpectedServicesAreServed() {
    assertThat(pathsByService(resolve()))
        .hasSize(15)
        .doesNotContainKeys(
            "ODataOnlyService",
            "ODataRestService",
            "PlainService",
            "IgnoredService",
            "ServeIgnoredService",
            "ConfiguredOnService");
  }

  @Test
  void configuredProtocolsOverrideTheAnnotationsBothWays() {
    WebSocketModel resolved =
        resolve(
            name ->
                switch (name) {
                  case "ConfiguredOffService" ->
                      new ServiceConfig(List.of("odata-v4"), null, false);
                  case "ConfiguredOnService" ->
                      new ServiceConfig(List.of("odata", "websocket"), null, false);
                  case "ODataOnlyService" -> new ServiceConfig(List.of("WS"), null, false);
                  default -> ServiceConfig.NONE;
                });

    assertThat(pathsByService(resolved))
        .doesNotContainKey("ConfiguredOffService")
        .containsEntry("ConfiguredOnService", "/ws/configured-on")
        .containsEntry("ODataOnlyService", "/ws/odata-only");
  }

  @Test
  void emptyConfiguredProtocolsFallBackToTheAnnotations() {
    WebSocketModel resolved =
        resolve(
            name ->
                name.equals("ConfiguredOffService")
                    ? new ServiceConfig(List.of(), null, false)
                    : ServiceConfig.NONE);

    assertThat(pathsByService(resolved)).containsKey("ConfiguredOffService");
  }

  @Test
  void configuredIgnoreBeatsEveryAnnotationAndConfiguredProtocol() {
    WebSocketModel resolved =
        resolve(
            name ->
                name.equals("ConfiguredIgnoredService")
                    ? new ServiceConfig(List.of("websocket"), "/still-not", true)
                    : ServiceConfig.NONE);

    assertThat(pathsByService(resolved)).doesNotContainKey("ConfiguredIgnoredService");
    assertThat(resolved.endpoint("/still-not")).isEmpty();
  }

  @Test
  void configuredPathBeatsPathAnnotationAndIsPlacedUnderThePrefixWhenRelative() {
    assertThat(
            pathsByService(
                resolve(
                    name ->
                        name.equals("ConfiguredPathService")
                            ? new ServiceConfig(null, "from-config", false)
                            : ServiceConfig.NONE)))
        .containsEntry("ConfiguredPathService", "/ws/from-config");
    assertThat(
            pathsByService(
                resolve(
                    name ->
                        name.equals("ConfiguredPathService")
                            ? new ServiceConfig(null, "/top/level", false)
                            : ServiceConfig.NONE)))
        .containsEntry("ConfiguredPathService", "/top/level");
  }

  @ParameterizedTest(name = "prefix ''{0}''")
  @CsvSource({
    "/sockets,  /sockets/chat",
    "sockets/,  /sockets/chat",
    "/a/b/,     /a/b/chat",
    "/,         /chat",
  })
  void relativePathsGoUnderTheConfiguredPrefixAbsoluteOnesDoNot(String prefix, String chatPath) {
    WebSocketModel resolved =
        new WebSocketModelResolver(prefix, "json", JSON_AND_PCP, name -> ServiceConfig.NONE)
            .resolve(model);

    assertThat(pathsByService(resolved))
        .containsEntry("ChatService", chatPath)
        .containsEntry("AbsoluteService", "/absolute");
    assertThat(resolved.endpoint(chatPath))
        .map(ServiceEndpoint::serviceName)
        .hasValue("ChatService");
  }

  @Test
  void endpointsAreFoundByTheirPath() {
    WebSocketModel resolved = resolve();

    assertThat(resolved.endpoint("/ws/listed"))
        .map(ServiceEndpoint::serviceName)
        .hasValue("ProtocolListService");
    assertThat(resolved.endpoint("/ws/listed/")).isEmpty();
    assertThat(resolved.endpoint("/ws/odata-only")).isEmpty();
  }

  // ---- start-up errors ----

  private static WebSocketModel resolveOnly(Set<String> enabled, Set<String> formats) {
    return new WebSocketModelResolver(
            "/ws",
            "json",
            formats,
            name ->
                enabled.contains(name) ? ServiceConfig.NONE : new ServiceConfig(null, null, true))
        .resolve(errorsModel);
  }

  @Test
  void relativeAndAbsoluteSpellingOfOnePathClashNamingBothServices() {
    assertThatThrownBy(
            () -> resolveOnly(Set.of("FirstClashService", "SecondClashService"), Set.of("json")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FirstClashService")
        .hasMessageContaining("SecondClashService")
        .hasMessageContaining("/ws/same")
        .hasMessageContaining("@path");
  }

  @Test
  void defaultSlugAndExplicitPathClashNamingBothServices() {
    assertThatThrownBy(
            () -> resolveOnly(Set.of("OrdersService", "LegacyOrdersService"), Set.of("json")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OrdersService")
        .hasMessageContaining("LegacyOrdersService")
        .hasMessageContaining("/ws/orders");
  }

  @Test
  void eachClashingServiceAloneIsServed() {
    assertThat(resolveOnly(Set.of("FirstClashService"), Set.of("json")).endpoint("/ws/same"))
        .isPresent();
    assertThat(resolveOnly(Set.of("SecondClashService"), Set.of("json")).endpoint("/ws/same"))
        .isPresent();
  }

  @Test
  void unsupportedServiceFormatNamesTheFormatTheServiceAndTheSupportedOnes() {
    assertThatThrownBy(() -> resolveOnly(Set.of("XmlService"), Set.of("json")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'xml'")
        .hasMessageContaining("XmlService")
        .hasMessageContaining("[json]");
  }

  @Test
  void unsupportedEventFormatNamesTheQualifiedEvent() {
    assertThatThrownBy(() -> resolveOnly(Set.of("EventFormatService"), Set.of("json")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'yaml'")
        .hasMessageContaining("EventFormatService.strange");
  }

  @Test
  void unsupportedDefaultFormatNamesTheFormat() {
    assertThatThrownBy(
            () ->
                new WebSocketModelResolver(
                        "/ws", "cbor", Set.of("json"), name -> ServiceConfig.NONE)
                    .resolve(model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'cbor'");
  }

  // ---- formats ----

  @Test
  void serviceFormatIsInheritedByEventsUnlessTheEventNamesItsOwn() {
    ServiceEndpoint pcp = endpointOf(resolve(), "PcpService");

    assertThat(pcp.format()).isEqualTo("pcp");
    assertThat(pcp.event("inherited")).map(EventDefinition::format).hasValue("pcp");
    assertThat(pcp.event("overridden")).map(EventDefinition::format).hasValue("json");
    assertThat(endpointOf(resolve(), "ChatService").event("received"))
        .map(EventDefinition::format)
        .hasValue("json");
  }

  @Test
  void configuredDefaultFormatAppliesToServicesWithoutOne() {
    WebSocketModel resolved =
        new WebSocketModelResolver("/ws", "pcp", JSON_AND_PCP, name -> ServiceConfig.NONE)
            .resolve(model);

    assertThat(endpointOf(resolved, "ChatService").format()).isEqualTo("pcp");
  }

  // ---- operations and events ----

  @Test
  void lifecycleOperationsAreKeptApartFromCallableOnes() {
    ServiceEndpoint chat = endpointOf(resolve(), "ChatService");

    assertThat(chat.operations().keySet()).containsExactlyInAnyOrder("send", "echo");
    assertThat(chat.lifecycle().keySet())
        .containsExactlyInAnyOrder(
            ServiceEndpoint.WS_CONNECT, ServiceEndpoint.WS_DISCONNECT, ServiceEndpoint.WS_CONTEXT);
    assertThat(chat.operation("wsConnect")).isEmpty();
    assertThat(chat.events().keySet()).containsExactly("received");
  }

  @Test
  void ignoredParametersAreNotCallable() {
    OperationDefinition send = endpointOf(resolve(), "ChatService").operation("send").orElseThrow();

    assertThat(send.parameters()).extracting(CdsParameter::getName).containsExactly("text");
    assertThat(send.hasParameter("internal")).isFalse();
  }

  // ---- entities ----

  @Test
  void entitiesAreNamedRelativeToTheServiceAndDraftShadowsAreLeftOut() {
    assertThat(model.getService("ChatService").entities())
        .as("the model lists the shadow as an entity of the service")
        .anyMatch(e -> e.getQualifiedName().equals("ChatService.Notes.drafts"));

    ServiceEndpoint chat = endpointOf(resolve(), "ChatService");

    assertThat(chat.entities().keySet())
        .containsExactlyInAnyOrder(
            "Notes", "Rooms", "Lines", "Silent", "Loud", "Shouting", "Unknown");
    assertThat(chat.entity("Notes").orElseThrow().qualifiedName()).isEqualTo("ChatService.Notes");
  }

  @Test
  void keysLeaveAssociationsOut() {
    ServiceEndpoint chat = endpointOf(resolve(), "ChatService");

    assertThat(chat.entity("Rooms").orElseThrow().keys()).containsExactly("ID");
    assertThat(chat.entity("Lines").orElseThrow().keys()).containsExactly("pos");
  }

  @Test
  void draftEnabledEntitiesAreMarked() {
    ServiceEndpoint chat = endpointOf(resolve(), "ChatService");

    assertThat(chat.entity("Notes").orElseThrow().draftEnabled()).isTrue();
    assertThat(chat.entity("Rooms").orElseThrow().draftEnabled()).isFalse();
  }

  @Test
  void boundOperationsBelongToTheirEntity() {
    EntityDefinition rooms = endpointOf(resolve(), "ChatService").entity("Rooms").orElseThrow();

    assertThat(rooms.operations().keySet()).containsExactlyInAnyOrder("rename", "size");
    assertThat(endpointOf(resolve(), "ChatService").operation("rename")).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}, all={2}")
  @CsvSource({
    "Rooms,    KEY,  false", // no annotation
    "Lines,    DATA, false", // @ws.broadcast: 'data'
    "Silent,   NONE, false", // @websocket.broadcast.content: 'none'
    "Loud,     DATA, true", // @ws.broadcast.content beats @ws.broadcast; @ws.broadcast.all
    "Shouting, DATA, false", // @websocket.broadcast: 'DATA', any case
    "Unknown,  KEY,  false", // unknown value
  })
  void broadcastContentFollowsTheEntityAnnotations(
      String entity, BroadcastContent content, boolean all) {
    EntityDefinition definition = endpointOf(resolve(), "ChatService").entity(entity).orElseThrow();

    assertThat(definition.broadcastContent()).isEqualTo(content);
    assertThat(definition.broadcastAll()).isEqualTo(all);
  }

  @Test
  void aServiceWithoutEntitiesEventsOrOperationsIsStillServed() {
    ServiceEndpoint guest = endpointOf(resolve(), "GuestBillingService");

    assertThat(guest.entities()).isEmpty();
    assertThat(guest.events()).isEmpty();
    assertThat(guest.operations()).isEmpty();
    assertThat(guest.format()).isEqualTo("json");
  }
}
