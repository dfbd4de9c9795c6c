package org.cdswebsocket.config;

import com.sap.cds.services.ServiceDelegator;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.cdswebsocket.cluster.ClusterState;
import org.cdswebsocket.metrics.CoreMetrics;

/**
 * The metrics and status of one CAP runtime's cds-websocket, in CAP's service catalog so that an
 * optional integration (the Spring Boot auto-configuration for Micrometer and Actuator) finds them.
 *
 * <p>Metrics: core and the adapters record into this hub from start-up on; it forwards to the
 * {@link CoreMetrics} bound with {@link #bind}, and records nothing before. Gauges are remembered
 * and registered with whatever is bound, whenever that happens. Status: the {@link ClusterState}
 * decided at start-up.
 *
 * <p>Threading: thread-safe; recording is a volatile read and a call.
 */
public final class ObservabilityHub extends ServiceDelegator implements CoreMetrics {

  /** The name in CAP's service catalog. */
  public static final String NAME = "cds.websocket.ObservabilityHub";

  private final List<Consumer<CoreMetrics>> gauges = new ArrayList<>();
  private volatile CoreMetrics target = CoreMetrics.NONE;
  private volatile ClusterState cluster = ClusterState.notConfigured();

  public ObservabilityHub() {
    super(NAME);
  }

  /** The hub of this runtime, if cds-websocket is enabled. */
  public static Optional<ObservabilityHub> of(CdsRuntime runtime) {
    return Optional.ofNullable(
        runtime.getServiceCatalog().getService(ObservabilityHub.class, NAME));
  }

  /** Sends every later event, and every gauge (past and future), to {@code metrics}. */
  public void bind(CoreMetrics metrics) {
    synchronized (gauges) {
      target = metrics;
      gauges.forEach(g -> g.accept(metrics));
    }
  }

  /** The cluster state decided at start-up. */
  public ClusterState cluster() {
    return cluster;
  }

  /** Records the cluster state; called once by core's start-up. */
  public void cluster(ClusterState state) {
    this.cluster = state;
  }

  private void gauge(Consumer<CoreMetrics> registration) {
    synchronized (gauges) {
      gauges.add(registration);
      registration.accept(target);
    }
  }

  @Override
  public void openSessions(String path, IntSupplier sessions) {
    gauge(m -> m.openSessions(path, sessions));
  }

  @Override
  public void sendQueueDepth(IntSupplier frames) {
    gauge(m -> m.sendQueueDepth(frames));
  }

  @Override
  public void workerQueueDepth(IntSupplier tasks) {
    gauge(m -> m.workerQueueDepth(tasks));
  }

  @Override
  public void connected(String path) {
    target.connected(path);
  }

  @Override
  public void connectionRefused(String path, String reason) {
    target.connectionRefused(path, reason);
  }

  @Override
  public void inbound(String path) {
    target.inbound(path);
  }

  @Override
  public void errorAcknowledged(String path, Object code) {
    target.errorAcknowledged(path, code);
  }

  @Override
  public void broadcastDelivered(String path, int sessions) {
    target.broadcastDelivered(path, sessions);
  }

  @Override
  public void slowConsumerClosed(String path) {
    target.slowConsumerClosed(path);
  }

  @Override
  public void clusterPublished(boolean ok) {
    target.clusterPublished(ok);
  }

  @Override
  public void clusterReceived() {
    target.clusterReceived();
  }
}
