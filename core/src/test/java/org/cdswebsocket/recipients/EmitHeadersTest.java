package org.cdswebsocket.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmitHeadersTest {

  @Test
  void httpStyleNamesAreStrippedCamelCasedAndTyped() {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("X-WS-Current-User", "true");
    headers.put("x-websocket-count", "12");
    headers.put("x-ws-ratio", "1.5");
    headers.put("x-ws-name", "alice");
    headers.put("other", "kept");

    Map<String, Object> out = EmitHeaders.normalise(headers, "json");

    assertThat(out)
        .containsEntry("current-user", true)
        .containsEntry("currentUser", true)
        .containsEntry("count", 12L)
        .containsEntry("ratio", 1.5)
        .containsEntry("name", "alice")
        .containsEntry("other", "kept")
        .doesNotContainKey("X-WS-Current-User");
  }

  @Test
  void formatPrefixedNamesGoToTheFormatSection() {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("ws", Map.of("cloudevent", Map.of("source", "/a"), "a", 1));
    headers.put("x-ws-cloudevent-source", "/ctx");
    headers.put("x-ws-cloudevent-value", "1");

    Map<String, Object> out = EmitHeaders.normalise(headers, "cloudevent");

    assertThat(EmitHeaders.lookup(out, "ws.cloudevent.source")).isEqualTo("/ctx");
    assertThat(EmitHeaders.lookup(out, "ws.cloudevent.value")).isEqualTo(1L);
    assertThat(EmitHeaders.lookup(out, "ws.a")).isEqualTo(1);
  }

  @Test
  void dottedLookupReadsNestedMapsOnly() {
    Map<String, Object> headers = Map.of("user", Map.of("include", "x"), "role.include", "y");

    assertThat(EmitHeaders.lookup(headers, "user.include")).isEqualTo("x");
    assertThat(EmitHeaders.lookup(headers, "role.include")).isNull();
  }

  @Test
  void formatSectionMergesWebsocketThenWs() {
    Map<String, Object> headers =
        Map.of("websocket", Map.of("a", 1, "b", 1), "ws", Map.of("b", 2), "user", "x");

    assertThat(EmitHeaders.formatSection(headers)).isEqualTo(Map.of("a", 1, "b", 2));
    assertThat(EmitHeaders.formatSection(null)).isEmpty();
  }

  @Test
  void explicitHeadersWinOverRequestHeadersAndSectionsMerge() {
    Map<String, Object> fromRequest = Map.of("user", "a", "ws", Map.of("x", 1, "y", 1));
    Map<String, Object> explicit = Map.of("user", "b", "ws", Map.of("y", 2));

    Map<String, Object> out = EmitHeaders.merge(fromRequest, explicit);

    assertThat(out).containsEntry("user", "b").containsEntry("ws", Map.of("x", 1, "y", 2));
  }

  @Test
  void emitterSurvivesItsMapForm() {
    Emitter emitter = new Emitter("t1", "alice", Map.of("x-ws-user", "bob"));

    assertThat(Emitter.fromMap(emitter.toMap())).contains(emitter);
    assertThat(Emitter.fromMap("nope")).isEmpty();
  }
}
