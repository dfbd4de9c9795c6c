package org.cdswebsocket.model;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All websocket endpoints of the application, resolved once from the CDS model at start-up.
 *
 * <p>Immutable and thread-safe. Lookups are by endpoint path (what a client connects to) and by
 * service name (what an emitting handler knows).
 */
public final class WebSocketModel {

  private final Map<String, ServiceEndpoint> byPath;

  public WebSocketModel(Collection<ServiceEndpoint> endpoints) {
    this.byPath =
        endpoints.stream()
            .collect(Collectors.toUnmodifiableMap(ServiceEndpoint::path, Function.identity()));
  }

  /** The endpoint served at this path, if any. */
  public Optional<ServiceEndpoint> endpoint(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** Every endpoint. */
  public Collection<ServiceEndpoint> endpoints() {
    return byPath.values();
  }

  /** Whether no service is websocket-enabled. */
  public boolean isEmpty() {
    return byPath.isEmpty();
  }
}
