package org.cdswebsocket.cluster;

import java.util.function.Consumer;
import org.cdswebsocket.metrics.CoreMetrics;

/**
 * A {@link ClusterBus} decorator that counts publishes, failed publishes (then rethrows, so the
 * caller still logs and delivers locally) and received messages. Thread-safe if the delegate is.
 */
public final class MeteredClusterBus implements ClusterBus {

  private final ClusterBus delegate;
  private final CoreMetrics metrics;

  public MeteredClusterBus(ClusterBus delegate, CoreMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public void publish(String message) {
    try {
      delegate.publish(message);
    } catch (RuntimeException e) {
      metrics.clusterPublished(false);
      throw e;
    }
    metrics.clusterPublished(true);
  }

  @Override
  public void subscribe(Consumer<String> listener) {
    delegate.subscribe(
        message -> {
          metrics.clusterReceived();
          listener.accept(message);
        });
  }

  @Override
  public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
