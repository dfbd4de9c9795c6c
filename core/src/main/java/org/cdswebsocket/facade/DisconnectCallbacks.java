package org.cdswebsocket.facade;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.cdswebsocket.spi.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WebSocketFacade#onDisconnect} callbacks of all open sessions of this node.
 *
 * <p>Thread-safe. Callbacks of a session are dropped when they have run, so closed sessions leave
 * nothing behind; a callback registered for a session that is no longer open is discarded.
 */
public final class DisconnectCallbacks {

  private static final Logger LOG = LoggerFactory.getLogger(DisconnectCallbacks.class);

  private final Map<String, List<Consumer<String>>> bySession = new ConcurrentHashMap<>();

  /** Registers a callback for an open session. */
  void add(ClientSession session, Consumer<String> callback) {
    if (!session.isOpen()) {
      return;
    }
    bySession.computeIfAbsent(session.id(), id -> new CopyOnWriteArrayList<>()).add(callback);
    if (!session.isOpen()) {
      bySession.remove(session.id());
    }
  }

  /** Runs and forgets the callbacks of a closed session. */
  void fire(ClientSession session, String reason) {
    List<Consumer<String>> callbacks = bySession.remove(session.id());
    if (callbacks == null) {
      return;
    }
    for (Consumer<String> callback : callbacks) {
      try {
        callback.accept(reason);
      } catch (RuntimeException e) {
        LOG.warn("onDisconnect callback of session {} failed", session.id(), e);
      }
    }
  }

  /** The number of sessions with pending callbacks. */
  int size() {
    return bySession.size();
  }
}
