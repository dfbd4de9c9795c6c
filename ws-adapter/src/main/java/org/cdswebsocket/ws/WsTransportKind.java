package org.cdswebsocket.ws;

import org.cdswebsocket.config.WebSocketSettings;
import org.cdswebsocket.spi.TransportKind;

/** Announces kind {@code ws} to core: text frames composed by the endpoint's format. */
public final class WsTransportKind implements TransportKind {

  @Override
  public String kind() {
    return WebSocketSettings.KIND_WS;
  }

  @Override
  public String artifact() {
    return "org.cdswebsocket:cds-websocket-ws";
  }

  @Override
  public boolean structuredEvents() {
    return false;
  }
}
