package org.cdswebsocket.spi;

/**
 * Where {@link WebSocketSettings} reads raw property values from: CAP's {@code CdsEnvironment} at
 * run time, Spring's {@code Environment} in auto-configuration conditions (before CAP exists), a
 * map in tests.
 *
 * <p>Implementations return the property's text, or {@code null} when it is not set. YAML lists
 * arrive as indexed keys ({@code key[0]}, {@code key[1]}) in flat sources; the reader asks for
 * those itself.
 */
@FunctionalInterface
public interface SettingsSource {

  /** The raw value of {@code key}, or {@code null} when unset. */
  String get(String key);
}
