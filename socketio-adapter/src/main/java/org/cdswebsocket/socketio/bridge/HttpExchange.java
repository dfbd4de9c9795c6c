package org.cdswebsocket.socketio.bridge;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The servlet side of one bridged HTTP request: receives the library's response, once. Called on
 * the channel's event loop.
 */
interface HttpExchange {

  /**
   * The response to the request.
   *
   * @param status the HTTP status
   * @param headers the response headers as the library set them
   * @param body the body; released by the caller after this returns
   */
  void respond(int status, HttpHeaders headers, ByteBuf body);

  /** The channel closed; an exchange that got no response must end its request now. */
  void closed();
}
