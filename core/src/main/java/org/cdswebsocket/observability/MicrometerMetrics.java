package org.cdswebsocket.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.cdswebsocket.metrics.CoreMetrics;
import org.cdswebsocket.spi.Endpoint;

/**
 * Records cds-websocket's metrics in a Micrometer {@link MeterRegistry}. Every meter is named
 * {@code cds.websocket.*} and tagged {@code kind} ({@code ws}, {@code socket.io}); per-endpoint
 * meters also {@code service} (the CAP service name). Tenants and users are never tags.
 *
 * <p>A path this node does not serve is recorded as service {@value #NO_SERVICE}, so clients cannot
 * create meters with their own input; error codes and refusal reasons come from the server.
 *
 * <p>Meters: see {@link #METERS}. Threading: thread-safe; meters are looked up (and created on
 * first use) in the registry, which caches them.
 */
public final class MicrometerMetrics implements CoreMetrics {

  /** The service tag of paths that are not endpoints (refused connections to unknown paths). */
  public static final String NO_SERVICE = "none";

  /** Every meter name with what it measures (and its tags besides {@code kind}). */
  public static final Map<String, String> METERS =
      Map.ofEntries(
          Map.entry("cds.websocket.sessions.open", "Open sessions (service)"),
          Map.entry("cds.websocket.connects", "Sessions opened (service)"),
          Map.entry("cds.websocket.connects.refused", "Connections refused (service, reason)"),
          Map.entry("cds.websocket.messages.inbound", "Messages received from clients (service)"),
          Map.entry("cds.websocket.deliveries", "Broadcast frames handed to sessions (service)"),
          Map.entry(
              "cds.websocket.broadcast.fanout", "Sessions per broadcast on this node (service)"),
          Map.entry("cds.websocket.send.queue", "Frames queued for all sessions, not yet written"),
          Map.entry(
              "cds.websocket.slow.consumer.closes", "Sessions closed for not reading (service)"),
          Map.entry("cds.websocket.errors", "Error acknowledgements (service, code)"),
          Map.entry("cds.websocket.cluster.publishes", "Broadcasts published to the cluster bus"),
          Map.entry("cds.websocket.cluster.publish.failures", "Failed cluster publishes"),
          Map.entry(
              "cds.websocket.cluster.received",
              "Messages received from the cluster bus (this node's own included)"),
          Map.entry("cds.websocket.worker.queue", "Socket.IO calls waiting for a worker thread"));

  private final MeterRegistry registry;
  private final Tags kind;
  private final Map<String, String> services;

  /**
   * @param registry where to record
   * @param kind the transport kind's name, the {@code kind} tag
   * @param endpoints the endpoints, for the {@code service} tag
   */
  public MicrometerMetrics(MeterRegistry registry, String kind, Collection<Endpoint> endpoints) {
    this.registry = registry;
    this.kind = Tags.of("kind", kind);
    this.services =
        endpoints.stream()
            .collect(Collectors.toMap(Endpoint::path, Endpoint::serviceName, (a, b) -> a));
  }

  @Override
  public void openSessions(String path, IntSupplier sessions) {
    Gauge.builder("cds.websocket.sessions.open", sessions, s -> s.getAsInt())
        .description(METERS.get("cds.websocket.sessions.open"))
        .tags(service(path))
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void sendQueueDepth(IntSupplier frames) {
    Gauge.builder("cds.websocket.send.queue", frames, s -> s.getAsInt())
        .description(METERS.get("cds.websocket.send.queue"))
        .tags(kind)
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void workerQueueDepth(IntSupplier tasks) {
    Gauge.builder("cds.websocket.worker.queue", tasks, s -> s.getAsInt())
        .description(METERS.get("cds.websocket.worker.queue"))
        .tags(kind)
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void connected(String path) {
    counter("cds.websocket.connects", service(path)).increment();
  }

  @Override
  public void connectionRefused(String path, String reason) {
    counter("cds.websocket.connects.refused", service(path).and("reason", reason)).increment();
  }

  @Override
  public void inbound(String path) {
    counter("cds.websocket.messages.inbound", service(path)).increment();
  }

  @Override
  public void errorAcknowledged(String path, Object code) {
    counter("cds.websocket.errors", service(path).and("code", String.valueOf(code))).increment();
  }

  @Override
  public void broadcastDelivered(String path, int sessions) {
    Tags tags = service(path);
    counter("cds.websocket.deliveries", tags).increment(sessions);
    DistributionSummary.builder("cds.websocket.broadcast.fanout")
        .description(METERS.get("cds.websocket.broadcast.fanout"))
        .tags(tags)
        .register(registry)
        .record(sessions);
  }

  @Override
  public void slowConsumerClosed(String path) {
    counter("cds.websocket.slow.consumer.closes", service(path)).increment();
  }

  @Override
  public void clusterPublished(boolean ok) {
    counter(ok ? "cds.websocket.cluster.publishes" : "cds.websocket.cluster.publish.failures", kind)
        .increment();
  }

  @Override
  public void clusterReceived() {
    counter("cds.websocket.cluster.received", kind).increment();
  }

  private Counter counter(String name, Tags tags) {
    return Counter.builder(name).description(METERS.get(name)).tags(tags).register(registry);
  }

  private Tags service(String path) {
    return kind.and("service", path == null ? NO_SERVICE : services.getOrDefault(path, NO_SERVICE));
  }
}
