package org.cdswebsocket.ws.spring;

import org.cdswebsocket.spi.WebSocketKind;
import org.cdswebsocket.spi.WebSocketProperties;
import org.cdswebsocket.spi.WebSocketSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sizes Tomcat's per-session WebSocket I/O buffers for kind ws ({@code
 * cds.websocket.ws.io-buffer-size}, 2 KB). Tomcat gives every session a read, a write and a
 * text-encoding buffer of {@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} bytes (8 KB each
 * by default) for its whole life; at the default an idle session holds 24 KB for them. Tomcat reads
 * that system property once, when its WebSocket classes load, so it is set here, before the web
 * server starts, and only when nobody set it: a value given with {@code -D} wins, and so does the
 * first application of a JVM that starts several.
 *
 * <p>Effect: text messages longer than the buffer leave as several frames of one message (every
 * client reassembles them), and a burst to one client leaves in writes of up to this size. The
 * property is JVM-wide, so Tomcat's WebSocket client and other endpoints of the application use the
 * same size.
 *
 * <p>Runs once per application start, on the main thread; does nothing unless kind ws is active. An
 * invalid value stops the start-up naming the property.
 */
public final class WsIoBufferSize implements EnvironmentPostProcessor {

  /** Tomcat's system property for its WebSocket buffer size. */
  public static final String TOMCAT_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    apply(environment::getProperty);
  }

  /**
   * Sets the system property from the settings when kind ws is active and it is unset.
   *
   * @return the size now in effect for Tomcat, or {@code null} when kind ws is not active
   */
  static Integer apply(org.cdswebsocket.spi.SettingsSource settings) {
    WebSocketKind kind;
    try {
      kind = WebSocketSettings.activeKind(settings);
    } catch (IllegalArgumentException e) {
      return null; // core stops the start-up with this error
    }
    if (kind != WebSocketKind.WS) {
      return null;
    }
    int size = WebSocketProperties.WS_IO_BUFFER_SIZE.read(settings);
    if (size < 256) {
      throw new IllegalArgumentException(
          WebSocketProperties.WS_IO_BUFFER_SIZE.name() + " must be at least 256, got " + size);
    }
    String current = System.getProperty(TOMCAT_PROPERTY);
    if (current == null) {
      System.setProperty(TOMCAT_PROPERTY, Integer.toString(size));
      return size;
    }
    return Integer.valueOf(current.trim());
  }
}
