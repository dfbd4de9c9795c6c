package org.cdswebsocket.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One websocket-enabled CAP service at one path, with what its clients may send and receive.
 *
 * <p>Immutable; built once at start-up by {@link WebSocketModelResolver}. The reserved operations
 * {@code wsConnect}, {@code wsDisconnect} and {@code wsContext} are kept apart from the callable
 * operations: clients cannot call them as ordinary events.
 *
 * @param serviceName the qualified CDS service name
 * @param path the absolute endpoint path, e.g. {@code /ws/chat}
 * @param format the name of the service's message format
 * @param events broadcast events by local name
 * @param operations callable unbound operations by local name
 * @param lifecycle the reserved lifecycle operations present on the service, by name
 * @param entities the entities clients reach with {@code <Entity>:<crud>} events, by name relative
 *     to the service
 * @param subprotocols the WebSocket subprotocols the endpoint's format claims (kind ws prefers them
 *     when a client offers several)
 */
public record ServiceEndpoint(
    String serviceName,
    String path,
    String format,
    Map<String, EventDefinition> events,
    Map<String, OperationDefinition> operations,
    Map<String, OperationDefinition> lifecycle,
    Map<String, EntityDefinition> entities,
    List<String> subprotocols) {

  /** Name of the operation called after a client connected. */
  public static final String WS_CONNECT = "wsConnect";

  /** Name of the operation called after a client disconnected. */
  public static final String WS_DISCONNECT = "wsDisconnect";

  /** Name of the context event and of the optional operation of the same name. */
  public static final String WS_CONTEXT = "wsContext";

  public ServiceEndpoint {
    events = Map.copyOf(events);
    operations = Map.copyOf(operations);
    lifecycle = Map.copyOf(lifecycle);
    entities = Map.copyOf(entities);
    subprotocols = subprotocols == null ? List.of() : List.copyOf(subprotocols);
  }

  /** An endpoint whose format claims no subprotocol. */
  public ServiceEndpoint(
      String serviceName,
      String path,
      String format,
      Map<String, EventDefinition> events,
      Map<String, OperationDefinition> operations,
      Map<String, OperationDefinition> lifecycle,
      Map<String, EntityDefinition> entities) {
    this(serviceName, path, format, events, operations, lifecycle, entities, List.of());
  }

  /** An endpoint without entities. */
  public ServiceEndpoint(
      String serviceName,
      String path,
      String format,
      Map<String, EventDefinition> events,
      Map<String, OperationDefinition> operations,
      Map<String, OperationDefinition> lifecycle) {
    this(serviceName, path, format, events, operations, lifecycle, Map.of());
  }

  /** The callable operation of this name, if any. */
  public Optional<OperationDefinition> operation(String name) {
    return Optional.ofNullable(operations.get(name));
  }

  /** The lifecycle operation of this name ({@link #WS_CONNECT} etc.), if the service has it. */
  public Optional<OperationDefinition> lifecycleOperation(String name) {
    return Optional.ofNullable(lifecycle.get(name));
  }

  /** The broadcast event of this name, if any. */
  public Optional<EventDefinition> event(String name) {
    return Optional.ofNullable(events.get(name));
  }

  /** The entity of this name (relative to the service), if clients may reach it. */
  public Optional<EntityDefinition> entity(String name) {
    return Optional.ofNullable(entities.get(name));
  }

  /**
   * The modelled event that replaces the automatic CRUD broadcast of an entity: {@code
   * <Entity>.created} for {@code <Entity>:created} (CDS names cannot contain a colon).
   *
   * @param entity the entity's name relative to the service
   * @param suffix {@code created}, {@code updated} or {@code deleted}
   */
  public Optional<EventDefinition> crudEvent(String entity, String suffix) {
    String qualified = serviceName + "." + entity + "." + suffix;
    return events.values().stream()
        .filter(e -> e.definition().getQualifiedName().equals(qualified))
        .findFirst();
  }
}
