package org.cdswebsocket.socketio.config;

import com.sap.cds.services.environment.CdsProperties;
import com.sap.cds.services.environment.PropertiesProvider;
import java.util.Map;

/** Flat test properties plus a typed {@link CdsProperties} object for CAP's own settings. */
final class TestProperties implements PropertiesProvider {

  private final Map<String, String> values;
  private final CdsProperties cds;

  TestProperties(Map<String, String> values, CdsProperties cds) {
    this.values = values;
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
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String getProperty(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getProperty(String key, Class<T> type, T defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (type == Integer.class) {
      return (T) Integer.valueOf(v);
    }
    if (type == Boolean.class) {
      return (T) Boolean.valueOf(v);
    }
    return (T) v;
  }
}
