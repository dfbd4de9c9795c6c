package org.cdswebsocket.broadcast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recent outboxed events this node has broadcast, so that a repeated outbox
 * delivery of the same message (CAP's persistent outbox delivers at least once, e.g. after a failed
 * commit of the processing transaction) does not reach clients twice.
 *
 * <p>Bounded (oldest ids are forgotten first); thread-safe. Only same-node repeats are caught.
 */
final class DeliveredEvents {

  private final Map<String, Boolean> recent;

  /**
   * @param capacity how many ids are remembered
   */
  DeliveredEvents(int capacity) {
    this.recent =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Records the id; {@code false} if it was delivered before. */
  synchronized boolean firstDelivery(String id) {
    return recent.putIfAbsent(id, Boolean.TRUE) == null;
  }
}
