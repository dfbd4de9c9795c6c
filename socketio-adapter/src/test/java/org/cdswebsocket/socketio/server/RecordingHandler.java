package org.cdswebsocket.socketio.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.InboundFrame;

/**
 * A fake core: records opened and closed sessions and received frames; acknowledges every event
 * with what it saw. The event {@code block} waits on {@link #release} (worker pool tests), {@code
 * fail} answers with an error.
 */
final class RecordingHandler implements ConnectionHandler {

  final List<ClientSession> opened = new CopyOnWriteArrayList<>();
  final List<String> closed = new CopyOnWriteArrayList<>();
  final Map<ClientSession, String> closedSessions = new java.util.concurrent.ConcurrentHashMap<>();
  final List<InboundFrame> frames = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  volatile CountDownLatch release = new CountDownLatch(1);

  void reset() {
    opened.clear();
    closed.clear();
    closedSessions.clear();
    frames.clear();
    threads.clear();
    release = new CountDownLatch(1);
  }

  @Override
  public void onOpen(ClientSession session) {
    opened.add(session);
  }

  @Override
  public void onMessage(ClientSession session, InboundFrame frame, AckCallback ack) {
    frames.add(frame);
    threads.add(Thread.currentThread().getName());
    if ("block".equals(frame.event())) {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if ("echo-broadcast".equals(frame.event())) {
      session.send(org.cdswebsocket.spi.OutboundPayload.data("received", frame.data()));
    }
    if (ack == null) {
      return;
    }
    if ("fail".equals(frame.event())) {
      ack.failure(Map.of("error", Map.of("code", 400, "message", "nope")));
      return;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("event", frame.event());
    result.put("data", frame.data());
    result.put("headers", frame.headers());
    result.put("user", session.info().user());
    result.put("id", session.info().identifier());
    ack.success(result);
  }

  @Override
  public void onClose(ClientSession session, String reason) {
    closed.add(reason);
    closedSessions.put(session, reason);
  }

  @Override
  public void onError(ClientSession session, Throwable error) {}
}
