package org.cdswebsocket.observability;

import com.sap.cds.services.runtime.CdsRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot auto-configuration of cds-websocket's metrics and health, each active only when its
 * library is on the class path: Micrometer (a {@code MeterRegistry} bean, as Spring Boot Actuator
 * provides) receives the {@link MicrometerMetrics}; Actuator's health endpoint gets the component
 * {@code cdsWebSocketCluster} ({@link ClusterHealthIndicator}).
 *
 * <p>Lifecycle: the registry is bound once all singletons exist, so after CAP's runtime has built
 * core. Every meter and health check belongs to the CAP runtime of this application context.
 */
@AutoConfiguration
@ConditionalOnClass(CdsRuntime.class)
public class WebSocketObservabilityAutoConfiguration {

  /** Binds Micrometer when a registry exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class Metrics {

    @Bean
    SmartInitializingSingleton cdsWebSocketMetricsBinding(
        ObjectProvider<CdsRuntime> runtime, ObjectProvider<MeterRegistry> registry) {
      return () -> {
        CdsRuntime cdsRuntime = runtime.getIfAvailable();
        MeterRegistry meterRegistry = registry.getIfAvailable();
        if (cdsRuntime != null && meterRegistry != null) {
          MetricsBinding.bind(cdsRuntime, meterRegistry);
        }
      };
    }
  }

  /** The cluster health, when Actuator is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  static class Health {

    @Bean
    @ConditionalOnBean(CdsRuntime.class)
    ClusterHealthIndicator cdsWebSocketClusterHealthIndicator(CdsRuntime runtime) {
      return new ClusterHealthIndicator(runtime);
    }
  }
}
