package org.cdswebsocket.socketio.config;

import static org.cdswebsocket.spi.WebSocketProperties.ALLOWED_ORIGINS;
import static org.cdswebsocket.spi.WebSocketProperties.OPTIONS_AUTH_QUEUE_SIZE;
import static org.cdswebsocket.spi.WebSocketProperties.OPTIONS_AUTH_THREADS;
import static org.cdswebsocket.spi.WebSocketProperties.OPTIONS_CONNECT_TIMEOUT;
import static org.cdswebsocket.spi.WebSocketProperties.OPTIONS_FAILED_CONNECT_LIMIT;
import static org.cdswebsocket.spi.WebSocketProperties.OPTIONS_MAX_NAMESPACES;

import java.util.ArrayList;
import java.util.List;
import org.cdswebsocket.socketio.server.SocketIoOptions;
import org.cdswebsocket.spi.SettingsSource;

/**
 * The Socket.IO server's protection settings: allowed origins ({@code
 * cds.websocket.allowed-origins}, shared with kind ws) and the handshake limits under {@code
 * cds.websocket.options}, in the Node-style camelCase and in kebab-case, as declared in core's
 * {@code WebSocketProperties}; read once at start-up. Stateless.
 */
final class SocketIoHardeningSettings {

  private SocketIoHardeningSettings() {}

  /** Applies the settings of {@code source} to {@code options}. */
  static SocketIoOptions.Builder apply(
      SocketIoOptions.Builder options, SettingsSource source, List<String> corsOrigins) {
    List<String> origins = new ArrayList<>(ALLOWED_ORIGINS.read(source));
    origins.addAll(corsOrigins); // the Node plugin's cds.websocket.options.cors.origin
    return options
        .allowedOrigins(origins)
        .authThreads(OPTIONS_AUTH_THREADS.read(source))
        .authQueueSize(OPTIONS_AUTH_QUEUE_SIZE.read(source))
        .failedConnectLimit(OPTIONS_FAILED_CONNECT_LIMIT.read(source))
        .connectTimeoutMillis(OPTIONS_CONNECT_TIMEOUT.read(source))
        .maxNamespaces(OPTIONS_MAX_NAMESPACES.read(source));
  }
}
