package org.cdswebsocket.cluster.redisson;

import com.sap.cds.services.environment.CdsEnvironment;
import com.sap.cloud.environment.servicebinding.api.ServiceBinding;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.cluster.ClusterBus;
import org.cdswebsocket.cluster.ClusterBusFactory;
import org.cdswebsocket.spi.WebSocketSettings;
import org.redisson.Redisson;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

/**
 * Creates the Redis bus ({@code cds.websocket.adapter.impl: redis}). The connection comes from a
 * service binding with label or tag {@code redis-cache} (SAP BTP), else from {@code
 * cds.websocket.adapter.config.*}: {@code address} (default {@code redis://127.0.0.1:6379}), {@code
 * password}, {@code database}, {@code connect-timeout} in ms (default 3000).
 *
 * <p>Errors: an unreachable server makes {@link #create} throw; the caller then runs local-only.
 */
public final class RedissonClusterBusFactory implements ClusterBusFactory {

  @Override
  public ClusterBus create(WebSocketSettings.Cluster settings, CdsEnvironment environment) {
    Config config = new Config();
    SingleServerConfig server = config.useSingleServer();
    Optional<ServiceBinding> binding =
        environment
            .getServiceBindings()
            .filter(
                b ->
                    b.getServiceName().map("redis-cache"::equals).orElse(false)
                        || b.getTags().contains("redis-cache"))
            .findFirst();
    if (binding.isPresent()) {
      Map<String, Object> credentials = binding.get().getCredentials();
      boolean tls = Boolean.TRUE.equals(credentials.get("tls"));
      server.setAddress(
          (tls ? "rediss://" : "redis://")
              + credentials.get("hostname")
              + ":"
              + credentials.get("port"));
      server.setPassword((String) credentials.get("password"));
    } else {
      server.setAddress(settings.address());
      server.setPassword(settings.password());
      server.setDatabase(settings.database());
    }
    int timeout = settings.connectTimeoutMillis();
    server.setConnectTimeout(timeout).setRetryAttempts(1).setTimeout(timeout);
    return new RedissonClusterBus(Redisson.create(config), settings.channel());
  }
}
