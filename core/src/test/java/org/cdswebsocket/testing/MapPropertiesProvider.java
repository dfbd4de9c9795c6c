package org.cdswebsocket.testing;

import com.sap.cds.services.environment.CdsProperties;
import com.sap.cds.services.environment.PropertiesProvider;
import java.util.Map;

/**
 * CAP properties for a runtime built without Spring: flat texts for {@code cds.websocket.*} and a
 * typed {@link CdsProperties} for CAP's own settings ({@code cds.application.services.*}).
 */
public final class MapPropertiesProvider implements PropertiesProvider {

  private final Map<String, String> texts;
  private final CdsProperties cds;

  /**
   * @param texts {@code cds.websocket.*} and other flat properties
   * @param cds CAP's typed settings
   */
  public MapPropertiesProvider(Map<String, String> texts, CdsProperties cds) {
    this.texts = Map.copyOf(texts);
    this.cds = cds;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T bindPropertyClass(String prefix, Class<T> type) {
    if (type.isInstance(cds)) {
      return (T) cds;
    }
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + type, e);
    }
  }

  @Override
  public String getProperty(String key, String defaultValue) {
    return texts.getOrDefault(key, defaultValue);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getProperty(String key, Class<T> type, T defaultValue) {
    String text = texts.get(key);
    if (text == null) {
      return defaultValue;
    }
    if (type == String.class || type == Object.class) {
      return (T) text;
    }
    if (type == Boolean.class) {
      return (T) Boolean.valueOf(text);
    }
    if (type == Integer.class) {
      return (T) Integer.valueOf(text);
    }
    if (type == Long.class) {
      return (T) Long.valueOf(text);
    }
    throw new IllegalArgumentException("Unsupported property type " + type + " for " + key);
  }
}
