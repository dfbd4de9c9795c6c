package org.cdswebsocket.socketio.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw Engine.IO v4 websocket client (JDK {@code java.net.http.WebSocket}) for exact wire checks;
 * answers pings itself.
 */
final class RawClient implements WebSocket.Listener, AutoCloseable {

  final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  RawClient(int port) {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"),
                this)
            .join();
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
  }

  /** The next non-ping frame, or null after the timeout. */
  String next(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      long left = deadline - System.nanoTime();
      String frame = frames.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
      if (frame == null || !frame.equals("2")) {
        return frame;
      }
      send("3");
    }
  }

  /** Connects to a namespace; returns the server's answer. */
  String connect(String namespace, String auth) throws InterruptedException {
    String prefix = namespace.equals("/") ? "40" : "40" + namespace + ",";
    send(prefix + (auth == null ? "" : auth));
    return next(5000);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
