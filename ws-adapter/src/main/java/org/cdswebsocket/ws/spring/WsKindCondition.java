package org.cdswebsocket.ws.spring;

import org.cdswebsocket.spi.ActiveKindCondition;
import org.cdswebsocket.spi.WebSocketKind;

/** Matches when cds-websocket is enabled with kind {@code ws} (see {@link ActiveKindCondition}). */
final class WsKindCondition extends ActiveKindCondition {

  WsKindCondition() {
    super(WebSocketKind.WS);
  }
}
