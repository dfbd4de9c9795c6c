package org.cdswebsocket.config;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.spi.WebSocketProperties;
import org.cdswebsocket.spi.WebSocketProperty;

/**
 * Writes the Spring Boot configuration metadata ({@code
 * META-INF/spring-configuration-metadata.json}) of every property in {@link
 * WebSocketProperties#ALL}, so that IDEs complete and check {@code cds.websocket.*} in {@code
 * application.yaml}. The build runs {@link #main} after compiling core and packs the file into
 * core's jar; adding a property to {@link WebSocketProperties} is all it takes to describe it.
 *
 * <p>Each property becomes one entry with its name, Java type, description and default (when it has
 * one); its completion values become a value hint. Aliases are not listed: they are the Node
 * plugin's spellings, accepted but not offered. Stateless.
 */
public final class ConfigurationMetadataWriter {

  /** Where the file lives inside a jar. */
  public static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

  private ConfigurationMetadataWriter() {}

  /**
   * Writes the metadata file.
   *
   * @param args the output directory (the classes directory), which gets {@link #RESOURCE}
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ConfigurationMetadataWriter <classes directory>");
    }
    Path file = Path.of(args[0]).resolve(RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json(WebSocketProperties.ALL));
  }

  /** The metadata document of {@code properties}, as indented JSON. */
  public static String json(List<WebSocketProperty<?>> properties) {
    try {
      return Json.mapper()
              .copy()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(metadata(properties))
          + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write configuration metadata", e);
    }
  }

  /** The metadata document of {@code properties}: groups, properties and hints. */
  static Map<String, Object> metadata(List<WebSocketProperty<?>> properties) {
    List<Map<String, Object>> entries = new ArrayList<>();
    List<Map<String, Object>> hints = new ArrayList<>();
    for (WebSocketProperty<?> property : properties) {
      entries.add(entry(property));
      if (!property.values().isEmpty()) {
        hints.add(
            ordered(
                "name",
                property.name(),
                "values",
                property.values().stream().map(v -> Map.of("value", v)).toList()));
      }
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(
        "groups",
        List.of(
            ordered(
                "name",
                "cds.websocket",
                "description",
                "cds-websocket: WebSockets for CAP Java.")));
    document.put("properties", entries);
    document.put("hints", hints);
    return document;
  }

  private static Map<String, Object> entry(WebSocketProperty<?> property) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", property.name());
    entry.put("type", typeName(property.type()));
    entry.put("description", property.description());
    if (property.defaultValue() != null) {
      entry.put("defaultValue", property.defaultValue());
    }
    return entry;
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  /** The metadata type name: the Java class, with its element type for lists. */
  static String typeName(Class<?> type) {
    return type == List.class ? "java.util.List<java.lang.String>" : type.getName();
  }
}
