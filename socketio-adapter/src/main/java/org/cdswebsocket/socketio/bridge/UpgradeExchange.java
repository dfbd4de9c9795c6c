package org.cdswebsocket.socketio.bridge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.concurrent.CompletableFuture;

/**
 * A websocket handshake request: the servlet thread waits (bounded) for the library's answer, so
 * that it can switch protocols, which a container allows only during the request. The library
 * decides synchronously on its event loop, so the wait is short.
 */
final class UpgradeExchange implements HttpExchange {

  /** The library's answer to the handshake. */
  record Answer(int status, HttpHeaders headers, byte[] body) {}

  private final CompletableFuture<Answer> answer = new CompletableFuture<>();

  CompletableFuture<Answer> answer() {
    return answer;
  }

  @Override
  public void respond(int status, HttpHeaders headers, ByteBuf body) {
    answer.complete(new Answer(status, headers.copy(), ByteBufUtil.getBytes(body)));
  }

  @Override
  public void closed() {
    answer.complete(new Answer(400, HttpHeaders.EMPTY_HEADERS, new byte[0]));
  }
}
