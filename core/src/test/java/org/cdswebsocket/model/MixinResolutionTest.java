package org.cdswebsocket.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sap.cds.reflect.CdsModel;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cdswebsocket.format.MessageFormats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mixin events and operations (Node rule A-7), {@code @ws.path} re-routing, enum-symbol
 * annotation values and start-up errors for annotation values the resolver cannot read.
 */
class MixinResolutionTest {

  private static WebSocketModel model;

  private static WebSocketModelResolver resolver() {
    return new WebSocketModelResolver(
        "/ws", "json", new MessageFormats(), name -> WebSocketModelResolver.ServiceConfig.NONE);
  }

  @BeforeAll
  static void resolve() throws Exception {
    try (InputStream csn = MixinResolutionTest.class.getResourceAsStream("/mixin-model.json")) {
      model = resolver().resolve(CdsModel.read(csn));
    }
  }

  @Test
  void mixinEventsAndOperationsOfANonWebsocketServiceAreServedAtItsPathWithoutEntities() {
    ServiceEndpoint todo = model.endpoint("/ws/todo").orElseThrow();

    assertThat(todo.serviceName()).isEqualTo("Todo");
    assertThat(todo.events()).containsOnlyKeys("refresh", "mine");
    assertThat(todo.operations()).containsOnlyKeys("chat");
    assertThat(todo.operations().get("chat").serviceName()).isEqualTo("Todo");
    assertThat(todo.entities()).isEmpty();
    assertThat(todo.lifecycle()).isEmpty();
  }

  @Test
  void wsPathReroutesEventsAndBindsOperationsOnBothPaths() {
    ServiceEndpoint fns = model.endpoint("/ws/fns-websocket").orElseThrow();

    assertThat(fns.serviceName()).isEqualTo("Ws");
    assertThat(fns.events()).containsOnlyKeys("own", "notify", "notifyOp", "routedEvent");
    assertThat(fns.events().get("notify").format()).isEqualTo("pcp");
    assertThat(fns.events().get("notify").serviceName()).isEqualTo("Todo");
    assertThat(fns.events().get("notifyOp").format()).isEqualTo("json");
    assertThat(fns.events().get("routedEvent").format()).isEqualTo("generic");
    assertThat(fns.operations()).containsOnlyKeys("call", "chat");
    assertThat(fns.operations().get("chat").serviceOr("Ws")).isEqualTo("Todo");
    assertThat(fns.operations().get("call").serviceOr("Ws")).isEqualTo("Ws");
    assertThat(fns.subprotocols()).containsExactly("v10.pcp.sap.com");
  }

  @Test
  void servicesWithProtocolNoneAndRoutesToUnservedPathsExposeNothing() {
    assertThat(model.endpoints())
        .extracting(ServiceEndpoint::path)
        .containsExactlyInAnyOrder("/ws/fns-websocket", "/ws/todo");
    assertThat(model.endpoint("/ws/nowhere")).isEmpty();
  }

  @Test
  void withoutAnyWebsocketServiceMixinsAreNotExposed() throws Exception {
    String csn =
        "{\"definitions\":{\"Todo\":{\"kind\":\"service\"},"
            + "\"Todo.refresh\":{\"kind\":\"event\",\"@ws\":true,\"elements\":{}}}}";
    assertThat(resolver().resolve(read(csn)).isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"@ws.format\": 42 | @ws.format of S",
        "\"@ws.format\": {\"a\": 1} | @ws.format of S",
        "\"@websocket.format\": \"./format/xyz.js\" | './format/xyz.js'",
        "\"@ws.path\": true | @ws.path of S",
        "\"@ws.operator.include\": \"xor\" | @ws.operator.include of S",
        "\"@websocket.operator.exclude\": {\"#\": \"maybe\"} | @websocket.operator.exclude of S"
      })
  void unreadableOrUnresolvableServiceAnnotationsFailStartUpNamingThem(
      String annotation, String named) {
    String csn =
        "{\"definitions\":{\"S\":{\"kind\":\"service\",\"@ws\":true,"
            + annotation
            + "},"
            + "\"S.e\":{\"kind\":\"event\",\"elements\":{}}}}";
    assertThatThrownBy(() -> resolver().resolve(read(csn)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(named);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"{\"#\": \"data\"} | DATA", "\"none\" | NONE", "{\"#\": \"key\"} | KEY"})
  void broadcastContentReadsEnumSymbols(String value, BroadcastContent expected) throws Exception {
    assertThat(entityWithBroadcast(value).broadcastContent()).isEqualTo(expected);
  }

  @Test
  void broadcastContentThatIsNoStringFailsStartUpNamingTheAnnotation() throws Exception {
    assertThat(entityWithBroadcast("\"everything\"").broadcastContent())
        .as("unknown strings fall back to key, as in Node")
        .isEqualTo(BroadcastContent.KEY);
    assertThatThrownBy(() -> entityWithBroadcast("42"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@ws.broadcast of S.E")
        .hasMessageContaining("'key', 'data' or 'none'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"@ws.user\": {\"a\": 1} | @ws.user of S.e",
        "\"@ws.broadcast.context.include\": [{\"x\": 1}] | @ws.broadcast.context.include of S.e",
        "\"@ws.operator.include\": 42 | @ws.operator.include of S.e"
      })
  void unreadableEventFilterAnnotationsFailStartUpNamingThem(String annotation, String named) {
    String csn =
        "{\"definitions\":{\"S\":{\"kind\":\"service\",\"@ws\":true},"
            + "\"S.e\":{\"kind\":\"event\","
            + annotation
            + ",\"elements\":{}}}}";
    assertThatThrownBy(() -> resolver().resolve(read(csn)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(named);
  }

  @Test
  void enumSymbolFilterAndOperatorValuesAreAccepted() throws Exception {
    String csn =
        "{\"definitions\":{\"S\":{\"kind\":\"service\",\"@ws\":true,"
            + "\"@ws.operator.include\":{\"#\":\"and\"}},"
            + "\"S.e\":{\"kind\":\"event\",\"@ws.user\":{\"#\":\"includeCurrent\"},"
            + "\"@ws.context\":[\"a\",{\"#\":\"b\"}],\"elements\":{}}}}";
    assertThat(resolver().resolve(read(csn)).endpoint("/ws/s").orElseThrow().events())
        .containsKey("e");
  }

  @Test
  void formatPrecedenceIsEventThenServiceThenConfiguration() throws Exception {
    String csn =
        "{\"definitions\":{"
            + "\"A\":{\"kind\":\"service\",\"@ws\":true},"
            + "\"A.plain\":{\"kind\":\"event\",\"elements\":{}},"
            + "\"A.own\":{\"kind\":\"event\",\"@websocket.format\":\"cloudevents\",\"elements\":{}},"
            + "\"B\":{\"kind\":\"service\",\"@ws\":true,\"@ws.format\":\"generic\"},"
            + "\"B.plain\":{\"kind\":\"event\",\"elements\":{}}}}";
    WebSocketModel resolved =
        new WebSocketModelResolver(
                "/ws", "pcp", new MessageFormats(), n -> WebSocketModelResolver.ServiceConfig.NONE)
            .resolve(read(csn));

    ServiceEndpoint a = resolved.endpoint("/ws/a").orElseThrow();
    assertThat(a.format()).isEqualTo("pcp");
    assertThat(a.events().get("plain").format()).isEqualTo("pcp");
    assertThat(a.events().get("own").format()).isEqualTo("cloudevents");
    assertThat(resolved.endpoint("/ws/b").orElseThrow().events().get("plain").format())
        .isEqualTo("generic");
    assertThatThrownBy(
            () ->
                new WebSocketModelResolver(
                        "/ws",
                        "nope",
                        new MessageFormats(),
                        n -> WebSocketModelResolver.ServiceConfig.NONE)
                    .resolve(read(csn)))
        .hasMessageContaining("'nope'")
        .hasMessageContaining("cds.websocket.format");
  }

  private static EntityDefinition entityWithBroadcast(String value) throws Exception {
    String csn =
        "{\"definitions\":{\"S\":{\"kind\":\"service\",\"@ws\":true},"
            + "\"S.E\":{\"kind\":\"entity\",\"@ws.broadcast\":"
            + value
            + ",\"elements\":{\"ID\":{\"key\":true,\"type\":\"cds.Integer\"}}}}}";
    return resolver().resolve(read(csn)).endpoint("/ws/s").orElseThrow().entity("E").orElseThrow();
  }

  private static CdsModel read(String csn) throws Exception {
    return CdsModel.read(new ByteArrayInputStream(csn.getBytes(StandardCharsets.UTF_8)));
  }
}
