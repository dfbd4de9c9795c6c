package org.cdswebsocket.spi;

import com.sap.cds.services.Service;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a transport adapter needs from core, handed over once when the CAP runtime has
 * resolved the model: the settings (limits and the adapter's own options among them), the endpoints
 * to serve, and the {@link ConnectionHandler} to call for every native callback. Error codes for
 * acknowledgements are in {@link ErrorPayload}, JSON in {@link Json}.
 *
 * <p>Lifecycle: core builds the context in CAP's event-handler phase; adapters read it with {@link
 * #of(CdsRuntime)} afterwards (when the application is prepared, or once Spring's singletons
 * exist). Immutable and thread-safe.
 *
 * @param settings the {@code cds.websocket.*} settings
 * @param endpoints the endpoints to serve, sorted by path; empty when no service is
 *     websocket-enabled
 * @param connectionHandler what the adapter calls for every native callback
 * @param metrics where the adapter reports what only it sees (refusals, slow consumers, queues)
 */
public record TransportContext(
    WebSocketSettings settings,
    List<Endpoint> endpoints,
    ConnectionHandler connectionHandler,
    WebSocketMetrics metrics) {

  /** The name under which core registers the {@link Provider} in CAP's service catalog. */
  public static final String PROVIDER_NAME = "cds.websocket.TransportContext";

  public TransportContext {
    Objects.requireNonNull(settings, "settings");
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(connectionHandler, "connectionHandler");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** A context whose metrics record nothing. */
  public TransportContext(
      WebSocketSettings settings, List<Endpoint> endpoints, ConnectionHandler connectionHandler) {
    this(settings, endpoints, connectionHandler, WebSocketMetrics.NONE);
  }

  /**
   * The context core built for this CAP runtime.
   *
   * @return empty when cds-websocket is disabled
   * @throws IllegalStateException when called before core's event-handler phase
   */
  public static Optional<TransportContext> of(CdsRuntime runtime) {
    Provider provider = runtime.getServiceCatalog().getService(Provider.class, PROVIDER_NAME);
    return provider == null ? Optional.empty() : Optional.of(provider.context());
  }

  /**
   * The settings core read, available earlier than the context: from core's services phase on, so
   * that adapters can register their own services from them.
   *
   * @return empty when cds-websocket is disabled (or core's services phase has not run)
   */
  public static Optional<WebSocketSettings> settings(CdsRuntime runtime) {
    Provider provider = runtime.getServiceCatalog().getService(Provider.class, PROVIDER_NAME);
    return provider == null ? Optional.empty() : Optional.of(provider.settings());
  }

  /** Hands the context over through CAP's service catalog; implemented by core only. */
  public interface Provider extends Service {

    /** The settings, read in core's services phase. */
    WebSocketSettings settings();

    /**
     * The context.
     *
     * @throws IllegalStateException before core's event-handler phase
     */
    TransportContext context();
  }
}
