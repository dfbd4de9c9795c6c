package org.cdswebsocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sap.cds.reflect.CdsModel;
import com.sap.cds.services.environment.CdsProperties;
import com.sap.cds.services.environment.CdsProperties.Application.ApplicationServiceConfig;
import com.sap.cds.services.runtime.CdsRuntime;
import com.sap.cds.services.runtime.CdsRuntimeConfigurer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.WebSocketService;
import org.cdswebsocket.spi.Endpoint;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.spi.WebSocketKind;
import org.cdswebsocket.testing.MapPropertiesProvider;
import org.cdswebsocket.testing.TestClientSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Core's composition root in a real CAP runtime built without Spring from {@code wiring-model.cds}:
 * what it registers, what it hands to the adapter, and how it fails. The only adapter on this class
 * path is {@link StandInWsTransportKind} (kind ws).
 */
class WebSocketRuntimeConfigurationIT {

  private static final String SOCKET_IO_ARTIFACT = "org.cdswebsocket:cds-websocket-socketio";

  private static CdsModel model;

  @BeforeAll
  static void readModel() throws IOException {
    try (InputStream csn =
        WebSocketRuntimeConfigurationIT.class.getResourceAsStream("/wiring-model.json")) {
      model = CdsModel.read(csn);
    }
  }

  private static CdsRuntime boot(Map<String, String> properties) {
    return boot(properties, new CdsProperties());
  }

  private static CdsRuntime boot(Map<String, String> properties, CdsProperties cds) {
    CdsRuntimeConfigurer configurer =
        CdsRuntimeConfigurer.create(new MapPropertiesProvider(properties, cds));
    configurer
        .cdsModel(model)
        .serviceConfigurations()
        .eventHandlerConfigurations()
        .providerConfigurations();
    return configurer.complete();
  }

  private static TransportContext contextOf(CdsRuntime runtime) {
    return TransportContext.of(runtime).orElseThrow(() -> new AssertionError("no context"));
  }

  private static WebSocketService webSocketService(CdsRuntime runtime) {
    return runtime
        .getServiceCatalog()
        .getService(WebSocketService.class, WebSocketService.DEFAULT_NAME);
  }

  @Test
  void contextCarriesTheEndpointsSortedByPathTheSettingsAndAConnectionHandler() {
    CdsRuntime runtime =
        boot(Map.of("cds.websocket.path", "/sockets", "cds.websocket.max-message-size", "2048"));

    TransportContext context = contextOf(runtime);

    assertThat(context.endpoints())
        .containsExactly(
            new Endpoint("/listed", "ListedService", "json"),
            new Endpoint("/sockets/chat", "ChatService", "json"));
    assertThat(context.settings().kind()).isEqualTo(WebSocketKind.WS);
    assertThat(context.settings().path()).isEqualTo("/sockets");
    assertThat(context.settings().maxMessageBytes()).isEqualTo(2048);
    assertThat(context.connectionHandler()).isNotNull();
    assertThat(TransportContext.settings(runtime)).containsSame(context.settings());
  }

  @Test
  void webSocketServiceIsInTheCatalog() {
    CdsRuntime runtime = boot(Map.of());

    assertThat(webSocketService(runtime)).isInstanceOf(DefaultWebSocketService.class);
  }

  @Test
  void configuredServeProtocolsAndPathsReachTheResolver() {
    CdsProperties cds = new CdsProperties();
    cds.getApplication()
        .getServices()
        .put("ConfiguredService", serve(List.of("odata", "websocket"), "from-config"));
    cds.getApplication().getServices().put("ChatService", serve(List.of("odata"), null));

    CdsRuntime runtime = boot(Map.of(), cds);

    assertThat(contextOf(runtime).endpoints())
        .containsExactly(
            new Endpoint("/listed", "ListedService", "json"),
            new Endpoint("/ws/from-config", "ConfiguredService", "json"));
  }

  private static ApplicationServiceConfig serve(List<String> protocols, String path) {
    ApplicationServiceConfig config = new ApplicationServiceConfig();
    config.getServe().setProtocols(protocols);
    config.getServe().setPath(path);
    return config;
  }

  @Test
  void aModelledEventEmittedThroughTheServiceReachesTheOpenSessionsOfTheTenant() {
    CdsRuntime runtime = boot(Map.of());
    TransportContext context = contextOf(runtime);
    TestClientSession sameTenant = TestClientSession.of("alice", "t1", "/ws/chat");
    TestClientSession otherTenant = TestClientSession.of("dave", "t2", "/ws/chat");
    TestClientSession otherPath = TestClientSession.of("carol", "t1", "/listed");
    context.connectionHandler().onOpen(sameTenant);
    context.connectionHandler().onOpen(otherTenant);
    context.connectionHandler().onOpen(otherPath);

    runtime
        .requestContext()
        .modifyUser(user -> user.setName("bob").setTenant("t1"))
        .run(
            request -> {
              webSocketService(runtime)
                  .emit("ChatService", "received", Map.of("text", "hello"), Map.of());
            });

    assertThat(sameTenant.sent()).extracting(OutboundPayload::event).containsExactly("received");
    assertThat(sameTenant.sent().get(0).text()).contains("hello");
    assertThat(otherTenant.sent()).isEmpty();
    assertThat(otherPath.sent()).isEmpty();
  }

  @Test
  void aSessionAtAPathWithoutEndpointIsClosed() {
    TransportContext context = contextOf(boot(Map.of()));
    TestClientSession stray = TestClientSession.of("alice", "t1", "/ws/odata");

    context.connectionHandler().onOpen(stray);

    assertThat(stray.isOpen()).isFalse();
  }

  @Test
  void disabledRegistersNeitherContextNorService() {
    CdsRuntime runtime = boot(Map.of("cds.websocket.enabled", "false"));

    assertThat(TransportContext.of(runtime)).isEmpty();
    assertThat(TransportContext.settings(runtime)).isEmpty();
    assertThat(webSocketService(runtime)).isNull();
  }

  @Test
  void disabledNeedsNoAdapterForTheConfiguredKind() {
    CdsRuntime runtime =
        boot(Map.of("cds.websocket.enabled", "false", "cds.websocket.kind", "socket.io"));

    assertThat(TransportContext.of(runtime)).isEmpty();
  }

  @Test
  void disabledIgnoresSettingsItWouldRefuse() {
    CdsRuntime runtime =
        boot(
            Map.of(
                "cds.websocket.enabled", "false",
                "cds.websocket.kind", "carrier-pigeon",
                "cds.websocket.max-message-size", "-1"));

    assertThat(TransportContext.of(runtime)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ws", "WS", " Ws "})
  void everySpellingOfWsStartsTheWsRuntimeWithItsEndpoints(String kind) {
    TransportContext context = contextOf(boot(Map.of("cds.websocket.kind", kind)));

    assertThat(context.settings().kind()).isEqualTo(WebSocketKind.WS);
    assertThat(context.endpoints()).extracting(Endpoint::path).contains("/ws/chat");
  }

  @ParameterizedTest
  @ValueSource(strings = {"socket.io", "SocketIO", "socketio", "Socket-IO"})
  void aKindWhoseAdapterIsMissingStopsStartUpNamingTheArtifact(String kind) {
    assertThatThrownBy(() -> boot(Map.of("cds.websocket.kind", kind)))
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("'socket.io'")
                    .contains("not on the class path")
                    .contains("(available: ws)")
                    .contains(SOCKET_IO_ARTIFACT));
  }

  @Test
  void anUnknownKindStopsStartUpNamingTheAcceptedKinds() {
    assertThatThrownBy(() -> boot(Map.of("cds.websocket.kind", "sockjs")))
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("cds.websocket.kind 'sockjs'")
                    .contains("ws, socket.io"));
  }

  /** The messages of a throwable and its causes, whatever CAP wraps around ours. */
  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
