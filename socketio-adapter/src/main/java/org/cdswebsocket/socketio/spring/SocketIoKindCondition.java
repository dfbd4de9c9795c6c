package org.cdswebsocket.socketio.spring;

import org.cdswebsocket.spi.ActiveKindCondition;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * Matches when cds-websocket is enabled with kind {@code socket.io} (see {@link
 * ActiveKindCondition}).
 */
final class SocketIoKindCondition extends ActiveKindCondition {

  SocketIoKindCondition() {
    super(WebSocketKind.SOCKET_IO);
  }
}
