package org.cdswebsocket.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.spi.WebSocketProperties;
import org.cdswebsocket.spi.WebSocketProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata packed into core's jar describes exactly the properties of {@link
 * WebSocketProperties#ALL}, both ways, with their types, defaults, descriptions and completion
 * values. Reads the file the build generated, as an IDE would find it on the class path.
 */
class ConfigurationMetadataTest {

  static JsonNode metadata;

  @BeforeAll
  static void readGeneratedFile() throws Exception {
    try (InputStream in =
        ConfigurationMetadataTest.class
            .getClassLoader()
            .getResourceAsStream(ConfigurationMetadataWriter.RESOURCE)) {
      assertThat(in).as("the build generated " + ConfigurationMetadataWriter.RESOURCE).isNotNull();
      metadata = Json.mapper().readTree(in);
    }
  }

  @Test
  void describesEveryDeclaredPropertyAndNothingElse() {
    assertThat(byName("properties").keySet())
        .containsExactlyElementsOf(WebSocketProperties.ALL.stream().map(p -> p.name()).toList());
  }

  @Test
  void typesDefaultsAndDescriptionsMatchTheDeclarations() {
    Map<String, JsonNode> described = byName("properties");
    for (WebSocketProperty<?> property : WebSocketProperties.ALL) {
      JsonNode entry = described.get(property.name());
      assertThat(entry.path("type").asText())
          .as(property.name())
          .isEqualTo(ConfigurationMetadataWriter.typeName(property.type()));
      assertThat(entry.path("description").asText())
          .as(property.name())
          .isEqualTo(property.description());
      if (property.defaultValue() == null) {
        assertThat(entry.has("defaultValue")).as(property.name() + " has no default").isFalse();
      } else {
        assertThat(entry.get("defaultValue").toString())
            .as(property.name())
            .isEqualTo(Json.write(property.defaultValue()));
      }
    }
  }

  @Test
  void completionValuesMatchTheDeclarationsBothWays() {
    Map<String, JsonNode> hints = byName("hints");
    Map<String, List<String>> declared = new LinkedHashMap<>();
    WebSocketProperties.ALL.stream()
        .filter(p -> !p.values().isEmpty())
        .forEach(p -> declared.put(p.name(), p.values()));
    assertThat(hints.keySet()).containsExactlyElementsOf(declared.keySet());
    declared.forEach(
        (name, values) ->
            assertThat(
                    StreamSupport.stream(hints.get(name).path("values").spliterator(), false)
                        .map(v -> v.path("value").asText())
                        .toList())
                .as(name)
                .isEqualTo(values));
  }

  @Test
  void theSettingsWithAFixedChoiceOfferTheirValues() {
    Map<String, JsonNode> hints = byName("hints");
    assertThat(values(hints, WebSocketProperties.KIND)).containsExactly("ws", "socket.io");
    assertThat(values(hints, WebSocketProperties.FORMAT)).containsExactly("json");
    assertThat(values(hints, WebSocketProperties.OPERATOR_INCLUDE)).containsExactly("or", "and");
    assertThat(values(hints, WebSocketProperties.OPERATOR_EXCLUDE)).containsExactly("or", "and");
    assertThat(values(hints, WebSocketProperties.OPTIONS_TRANSPORTS))
        .containsExactly("polling", "websocket");
    assertThat(values(hints, WebSocketProperties.ADAPTER_IMPL))
        .containsExactly("redis", "@socket.io/redis-adapter", "@socket.io/redis-streams-adapter");
  }

  @Test
  void listsAreTypedWithTheirElementsAndKeepTheirDefaults() {
    JsonNode transports = byName("properties").get(WebSocketProperties.OPTIONS_TRANSPORTS.name());
    assertThat(transports.path("type").asText()).isEqualTo("java.util.List<java.lang.String>");
    assertThat(transports.path("defaultValue").toString()).isEqualTo("[\"polling\",\"websocket\"]");
  }

  private static List<String> values(Map<String, JsonNode> hints, WebSocketProperty<?> property) {
    JsonNode hint = hints.get(property.name());
    assertThat(hint).as("hint of " + property.name()).isNotNull();
    return StreamSupport.stream(hint.path("values").spliterator(), false)
        .map(v -> v.path("value").asText())
        .toList();
  }

  private static Map<String, JsonNode> byName(String section) {
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    metadata
        .path(section)
        .forEach(
            entry -> {
              JsonNode previous =
                  entry == null ? null : entries.put(entry.path("name").asText(), entry);
              assertThat(previous).as("described once: " + entry).isNull();
            });
    return entries;
  }
}
