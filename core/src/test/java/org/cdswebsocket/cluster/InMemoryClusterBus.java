package org.cdswebsocket.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A cluster bus shared by in-process nodes: {@link #node()} gives each node its view of one
 * channel. {@link #failPublish} makes every publish throw, as an unreachable backend would.
 */
final class InMemoryClusterBus {

  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  volatile boolean failPublish;

  ClusterBus node() {
    return new ClusterBus() {
      @Override
      public void publish(String message) {
        if (failPublish) {
          throw new IllegalStateException("bus down");
        }
        listeners.forEach(l -> l.accept(message));
      }

      @Override
      public void subscribe(Consumer<String> listener) {
        listeners.add(listener);
      }

      @Override
      public void close() {}
    };
  }
}
