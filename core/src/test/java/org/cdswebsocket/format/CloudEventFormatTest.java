package org.cdswebsocket.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cdswebsocket.format.FormatModel.compose;
import static org.cdswebsocket.format.FormatModel.parse;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.spi.WebSocketKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventFormatTest {

  private final CloudEventFormat cloudevent = new CloudEventFormat();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object composed) throws Exception {
    return composed instanceof String text
        ? Json.mapper().readValue(text, Map.class)
        : (Map<String, Object>) composed;
  }

  @ParameterizedTest
  @EnumSource(WebSocketKind.class)
  void unmappedEventIsWrappedWithDefaultAttributes(WebSocketKind kind) throws Exception {
    Object composed =
        cloudevent.compose(
            compose(
                "C",
                "cloudEvent1",
                Map.of("appinfoA", "abcd", "appinfoB", 1234, "appinfoC", false),
                Map.of(),
                kind));

    assertThat(composed).isInstanceOf(kind == WebSocketKind.WS ? String.class : Map.class);
    Map<String, Object> event = object(composed);
    assertThat(event)
        .containsEntry("specversion", "1.0")
        .containsEntry("type", "C.cloudEvent1")
        .containsEntry("source", "C")
        .containsEntry("subject", null)
        .containsEntry("datacontenttype", "application/json")
        .containsKeys("id", "time");
    assertThat((Map<String, Object>) event.get("data"))
        .containsOnly(
            Map.entry("appinfoA", "abcd"),
            Map.entry("appinfoB", 1234),
            Map.entry("appinfoC", false));
  }

  @Test
  void staticAnnotationsHeadersAndFormatSectionOverlayTheBase() throws Exception {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("subject", "from-header");
    headers.put("cloudevent", Map.of("comexampleextension1", "value2"));

    Map<String, Object> event =
        object(
            cloudevent.compose(
                compose("C", "cloudEvent2", Map.of("appinfoA", "a"), headers, WebSocketKind.WS)));

    assertThat(event)
        .containsEntry("type", "com.example.someevent")
        .containsEntry("source", "/mycontext")
        .containsEntry("comexampleothervalue", 5)
        .containsEntry("subject", "from-header")
        .containsEntry("comexampleextension1", "value2")
        .containsEntry("data", Map.of("appinfoA", "a"));
  }

  @Test
  void annotatedElementsBecomeAttributesAndLeaveData() throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subject", "example");
    data.put("extension1", "ext");
    data.put("hidden", "h");
    data.put("appinfoA", "a");

    Map<String, Object> event =
        object(cloudevent.compose(compose("C", "cloudEvent3", data, Map.of(), WebSocketKind.WS)));

    assertThat(event)
        .containsEntry("subject", "example")
        .containsEntry("comexampleextension1", "ext")
        .doesNotContainKey("hidden");
    assertThat(event.get("data")).isEqualTo(Map.of("hidden", "h", "appinfoA", "a"));
    assertThat(data).containsKey("subject"); // not modified
  }

  @Test
  void eventModelledAsCloudEventIsSentAsItIs() throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("specversion", "1.0");
    data.put("type", "my.type");
    data.put("source", "/me");
    data.put("id", "C234");
    data.put("data", Map.of("appinfoA", "x"));

    assertThat(
            object(
                cloudevent.compose(
                    compose("C", "cloudEventModel", data, Map.of(), WebSocketKind.WS))))
        .isEqualTo(data);
  }

  @ParameterizedTest
  @EnumSource(WebSocketKind.class)
  void roundTripThroughAnnotationMappedOperation(WebSocketKind kind) throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subject", "ignored-by-static");
    data.put("extension1", "ext");
    data.put("appinfoA", "a");
    Map<String, Object> headers = Map.of("type", "com.example.someevent.map");

    Object composed = cloudevent.compose(compose("C", "cloudEvent3", data, headers, kind));
    InboundMessage message = cloudevent.parse(parse("C", composed, kind));

    assertThat(message.event()).isEqualTo("sendCloudEventMap");
    assertThat(message.data())
        .containsOnly(
            Map.entry("subject", "cloud"), // the operation's static @ws.cloudevent.subject wins
            Map.entry("extension1", "ext"),
            Map.entry("appinfoA", "a"));
  }

  @Test
  void modelledOperationGetsAttributesAndItsDataParameter() {
    InboundMessage message =
        cloudevent.parse(
            parse(
                "C",
                "{\"specversion\":\"1.0\",\"type\":\"com.example.someevent.model\",\"subject\":\"s\","
                    + "\"comexampleextension1\":\"e\",\"data\":{\"appinfoA\":\"a\"},\"id\":\"1\"}",
                WebSocketKind.WS));

    assertThat(message.event()).isEqualTo("sendCloudEventModel");
    assertThat(message.data())
        .containsOnly(
            Map.entry("subject", "s"),
            Map.entry("comexampleextension1", "e"),
            Map.entry("data", Map.of("appinfoA", "a")));
  }

  @Test
  void typeMayNameTheOperationAndDataIsFlattened() {
    InboundMessage message =
        cloudevent.parse(
            parse(
                "C",
                Map.of("type", "C.plainOp", "data", Map.of("appinfoA", "a", "appinfoB", 2)),
                WebSocketKind.SOCKET_IO));

    assertThat(message.event()).isEqualTo("plainOp");
    assertThat(message.data()).containsEntry("appinfoA", "a");
    assertThat(new BigInteger(String.valueOf(message.data().get("appinfoB")))).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1]", "{\"type\":\"no.such.type\"}", "{\"data\":{}}"})
  void malformedInputIsAFormatException(String frame) {
    assertThatThrownBy(() -> cloudevent.parse(parse("C", frame, WebSocketKind.WS)))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("cloudevent");
  }

  @Test
  void pluralAliasReadsItsOwnAnnotationsAndClaimsTheSubprotocol() throws Exception {
    CloudEventFormat plural = new CloudEventFormat(CloudEventFormat.PLURAL);
    Map<String, Object> event =
        object(
            plural.compose(
                compose(
                    "C",
                    "cloudEvent2",
                    Map.of(),
                    Map.of("cloudevents", Map.of("x", 1)),
                    WebSocketKind.WS)));

    assertThat(plural.name()).isEqualTo("cloudevents");
    assertThat(event).containsEntry("type", "C.cloudEvent2").containsEntry("x", 1);
    assertThat(plural.subprotocols()).containsExactly("cloudevents.json");
  }
}
