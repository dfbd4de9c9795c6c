package org.cdswebsocket.observability;

import com.sap.cds.services.runtime.CdsRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import org.cdswebsocket.config.ObservabilityHub;
import org.cdswebsocket.spi.TransportContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one CAP runtime's {@link ObservabilityHub} to a Micrometer registry. Usable without
 * Spring: call {@link #bind} once the runtime is built. Stateless.
 */
public final class MetricsBinding {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsBinding.class);

  private MetricsBinding() {}

  /**
   * Records this runtime's cds-websocket metrics in {@code registry} from now on.
   *
   * @return whether there was anything to bind (false while cds-websocket is disabled)
   */
  public static boolean bind(CdsRuntime runtime, MeterRegistry registry) {
    ObservabilityHub hub = ObservabilityHub.of(runtime).orElse(null);
    TransportContext context = TransportContext.of(runtime).orElse(null);
    if (hub == null || context == null) {
      return false;
    }
    hub.bind(
        new MicrometerMetrics(
            registry, context.settings().kind().configName(), context.endpoints()));
    LOG.debug("cds-websocket metrics recorded in {}", registry.getClass().getSimpleName());
    return true;
  }
}
