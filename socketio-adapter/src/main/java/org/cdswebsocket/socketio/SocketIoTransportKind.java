package org.cdswebsocket.socketio;

import org.cdswebsocket.spi.TransportKind;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * Announces kind {@code socket.io} to core (found with {@link java.util.ServiceLoader}). Socket.IO
 * carries event names and structured data itself, so core hands event data over unencoded.
 */
public final class SocketIoTransportKind implements TransportKind {

  @Override
  public WebSocketKind kind() {
    return WebSocketKind.SOCKET_IO;
  }

  @Override
  public boolean structuredEvents() {
    return true;
  }
}
