package org.cdswebsocket.it.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real client of one kind (ws, socket.io) as the transport-neutral contract tests see it. All
 * waits are bounded by the given timeouts.
 */
public interface ContractClient extends AutoCloseable {

  /**
   * One received event.
   *
   * @param event the event name
   * @param data the event data
   */
  record Frame(String event, JsonNode data) {}

  /** Sends an event with data (json format). */
  void send(String event, Map<String, ?> data) throws Exception;

  /**
   * Sends an event with data and message headers: the json frame's {@code headers} member (ws) or
   * the third emit argument (socket.io).
   */
  void send(String event, Map<String, ?> data, Map<String, ?> headers) throws Exception;

  /** Sends an event whose data is the given JSON text, as is (e.g. numbers Jackson cannot hold). */
  void sendRaw(String event, String dataJson) throws Exception;

  /** The next frame of this event, skipping others; fails after the timeout. */
  Frame next(String event, Duration timeout) throws Exception;

  /**
   * All frames up to and including the next frame of {@code marker} (the last element); fails after
   * the timeout.
   */
  List<Frame> until(String marker, Duration timeout) throws Exception;

  /**
   * Waits for the {@code welcome} that {@code wsConnect} of {@code /ws/filter} sends every new
   * socket and returns it. The server registers a socket for broadcasts before {@code wsConnect}
   * runs, so nothing broadcast after the welcome can miss this client; a completed handshake alone
   * does not promise that (a ws client may see the 101 before the server's open callback ran).
   */
  default Frame awaitWelcome(Duration timeout) throws Exception {
    return next("welcome", timeout);
  }

  /** The frames of this event arriving within the duration. */
  List<Frame> collect(String event, Duration within) throws Exception;

  /** Every frame, of any event, arriving within the duration. */
  List<Frame> collectAll(Duration within) throws Exception;

  /** The close code the server sent; fails after the timeout. */
  int closeCode(Duration timeout) throws Exception;

  @Override
  void close();
}
