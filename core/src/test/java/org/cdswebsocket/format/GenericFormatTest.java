package org.cdswebsocket.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdswebsocket.format.FormatModel.compose;
import static org.cdswebsocket.format.FormatModel.parse;

import java.util.Map;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.spi.WebSocketKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GenericFormatTest {

  private final GenericFormat generic = new GenericFormat();

  @ParameterizedTest
  @EnumSource(WebSocketKind.class)
  void composesOnlyHeaderAndAnnotationAttributes(WebSocketKind kind) throws Exception {
    Object composed =
        generic.compose(
            compose(
                "G",
                "genericEvent",
                Map.of("who", "alice", "text", "hi"),
                Map.of("generic-channel", "c1", "channel", "ignored", "generic", Map.of("k", 1)),
                kind));

    @SuppressWarnings("unchecked")
    Map<String, Object> message =
        composed instanceof String text ? Json.mapper().readValue(text, Map.class) : (Map) composed;
    assertThat(message)
        .containsOnly(
            Map.entry("generic-channel", "c1"),
            Map.entry("channel", "c1"),
            Map.entry("k", 1),
            Map.entry("name", "greeting"),
            Map.entry("identifier", "alice"));
  }

  @ParameterizedTest
  @EnumSource(WebSocketKind.class)
  void roundTripMapsNameAndAnnotatedParameters(WebSocketKind kind) {
    Object composed =
        generic.compose(compose("G", "genericEvent", Map.of("who", "bob"), Map.of(), kind));

    InboundMessage message = generic.parse(parse("G", composed, kind));

    assertThat(message.event()).isEqualTo("greet");
    assertThat(message.data()).containsOnly(Map.entry("who", "bob"));
  }
}
