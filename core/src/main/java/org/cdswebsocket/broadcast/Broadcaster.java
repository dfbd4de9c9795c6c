package org.cdswebsocket.broadcast;

/**
 * Delivers broadcasts. The local implementation writes to this node's sessions; a cluster
 * implementation also publishes to the other nodes.
 *
 * <p>Threading: {@link #broadcast} may be called from any thread, does not block on the network
 * (sessions queue their frames) and never throws for delivery problems of single sessions.
 */
public interface Broadcaster {

  /** Delivers one event to every matching session. */
  void broadcast(Broadcast broadcast);
}
