package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.handler.ClientHead;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The adapter state of every live Engine.IO connection, by Engine.IO session id. Thread-safe. */
final class ConnectionRegistry {

  private final Map<UUID, Connection> connections = new ConcurrentHashMap<>();
  private final int sendQueueLimit;

  ConnectionRegistry() {
    this(10_000);
  }

  /**
   * @param sendQueueLimit packets queued for one client before it is disconnected
   */
  ConnectionRegistry(int sendQueueLimit) {
    this.sendQueueLimit = sendQueueLimit;
  }

  /** The state of this client, created on first use. */
  Connection of(ClientHead head) {
    return connections.computeIfAbsent(
        head.getSessionId(), id -> new Connection(head, sendQueueLimit));
  }

  Connection get(UUID sessionId) {
    return connections.get(sessionId);
  }

  /**
   * Forgets a connection once the library has closed it. A live connection whose client left its
   * last namespace is kept: it may connect again, and its state (websocket, upgrade, refusals)
   * still applies.
   */
  void release(Connection connection) {
    if (!connection.head().isConnected()) {
      connections.remove(connection.head().getSessionId(), connection);
    }
  }

  int size() {
    return connections.size();
  }

  /** Frames queued for all sessions and not yet written. */
  int pendingWrites() {
    int total = 0;
    for (Connection connection : connections.values()) {
      total += connection.pendingWrites();
    }
    return total;
  }
}
