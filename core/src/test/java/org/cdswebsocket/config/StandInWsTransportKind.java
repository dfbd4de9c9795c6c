package org.cdswebsocket.config;

import org.cdswebsocket.spi.TransportKind;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * Stands in for the ws adapter on core's test class path (registered in {@code
 * META-INF/services/org.cdswebsocket.spi.TransportKind}, which the test-jar leaves out). It
 * declares kind ws only, so that kind socket.io has no adapter here.
 */
public final class StandInWsTransportKind implements TransportKind {

  @Override
  public WebSocketKind kind() {
    return WebSocketKind.WS;
  }

  @Override
  public boolean structuredEvents() {
    return false;
  }
}
