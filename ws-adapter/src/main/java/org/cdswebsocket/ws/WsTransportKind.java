package org.cdswebsocket.ws;

import org.cdswebsocket.spi.TransportKind;
import org.cdswebsocket.spi.WebSocketKind;

/** Announces kind {@code ws} to core: text frames composed by the endpoint's format. */
public final class WsTransportKind implements TransportKind {

  @Override
  public WebSocketKind kind() {
    return WebSocketKind.WS;
  }

  @Override
  public boolean structuredEvents() {
    return false;
  }
}
