package org.cdswebsocket.socketio;

import org.cdswebsocket.config.WebSocketSettings;
import org.cdswebsocket.spi.TransportKind;

/**
 * Announces kind {@code socket.io} to core (found with {@link java.util.ServiceLoader}). Socket.IO
 * carries event names and structured data itself, so core hands event data over unencoded.
 */
public final class SocketIoTransportKind implements TransportKind {

  @Override
  public String kind() {
    return WebSocketSettings.KIND_SOCKET_IO;
  }

  @Override
  public String artifact() {
    return "org.cdswebsocket:cds-websocket-socketio";
  }

  @Override
  public boolean structuredEvents() {
    return true;
  }
}
