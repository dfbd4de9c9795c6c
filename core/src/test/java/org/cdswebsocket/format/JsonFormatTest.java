package org.cdswebsocket.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.spi.WebSocketKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFormatTest {

  private final JsonFormat cut = new JsonFormat();

  @Test
  void parsesEventDataAndHeaders() {
    InboundMessage message =
        cut.parse("{\"event\":\"message\",\"data\":{\"text\":\"hi\"},\"headers\":{\"h\":1}}");

    assertThat(message.event()).isEqualTo("message");
    assertThat(message.data()).containsEntry("text", "hi");
    assertThat(message.headers()).containsEntry("h", 1);
  }

  @Test
  void frameWithoutDataHasEmptyData() {
    assertThat(cut.parse("{\"event\":\"ping\"}").data()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "42",
        "{}",
        "{\"event\":\"\"}",
        "{\"event\":7}",
        "{\"event\":\"x\",\"data\":[1]}",
        "{\"event\":\"x\",\"headers\":\"h\"}"
      })
  void refusesFramesThatAreNotEvents(String frame) {
    assertThatThrownBy(() -> cut.parse(frame)).isInstanceOf(FormatException.class);
  }

  @Test
  void composesWithoutHeadersWhenThereAreNone() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("text", "hi");
    data.put("at", Instant.parse("2026-01-02T03:04:05Z"));

    assertThat(cut.compose("received", data, Map.of()))
        .isEqualTo(
            "{\"event\":\"received\",\"data\":{\"text\":\"hi\",\"at\":\"2026-01-02T03:04:05Z\"}}");
    assertThat(cut.compose("received", Map.of(), Map.of("k", "v")))
        .isEqualTo("{\"event\":\"received\",\"data\":{},\"headers\":{\"k\":\"v\"}}");
  }

  @Test
  void roundTrip() {
    String frame = cut.compose("message", Map.of("text", "x"), Map.of("h", "v"));

    InboundMessage parsed = cut.parse(frame);

    assertThat(parsed)
        .isEqualTo(new InboundMessage("message", Map.of("text", "x"), Map.of("h", "v")));
  }

  @Test
  void socketIoIsTheIdentity() {
    Map<String, Object> data = Map.of("text", "hi");
    InboundMessage message =
        cut.parse(
            new ParseRequest(
                null,
                java.util.List.of(),
                data,
                "message",
                Map.of("h", 1),
                WebSocketKind.SOCKET_IO));

    assertThat(message.event()).isEqualTo("message");
    assertThat(message.data()).isEqualTo(data);
    assertThat(message.headers()).containsEntry("h", 1);
    assertThat(
            cut.compose(
                ComposeRequest.of("received", data, Map.of("k", "v"), WebSocketKind.SOCKET_IO)))
        .isSameAs(data);
    assertThatThrownBy(
            () ->
                cut.parse(
                    new ParseRequest(
                        null,
                        java.util.List.of(),
                        "text",
                        "message",
                        Map.of(),
                        WebSocketKind.SOCKET_IO)))
        .isInstanceOf(FormatException.class);
  }
}
