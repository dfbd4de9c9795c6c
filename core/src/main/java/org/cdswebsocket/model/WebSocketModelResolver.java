package org.cdswebsocket.model;

import com.sap.cds.reflect.CdsAnnotatable;
import com.sap.cds.reflect.CdsDefinition;
import com.sap.cds.reflect.CdsElement;
import com.sap.cds.reflect.CdsEntity;
import com.sap.cds.reflect.CdsEvent;
import com.sap.cds.reflect.CdsModel;
import com.sap.cds.reflect.CdsOperation;
import com.sap.cds.reflect.CdsService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cdswebsocket.format.MessageFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves which services are websocket-enabled and where they are served, following the Node
 * plugin's rules.
 *
 * <p>A service is websocket-enabled when it carries {@code @websocket} or {@code @ws}, when its
 * {@code @protocol} (string or list) names {@code websocket} or {@code ws}, or when its
 * configuration {@code cds.application.services.<Name>.serve.protocols} does. Its path is, in this
 * order, the configured {@code serve.path}, {@code @path}, or the slug of its name; relative paths
 * are placed under the protocol prefix ({@code /ws}).
 *
 * <p>Every entity of such a service (draft shadows aside) becomes an {@link EntityDefinition}
 * that clients reach with {@code <Entity>:<action>} events, with its key elements, bound
 * operations and CRUD broadcast settings ({@code @ws.broadcast[.content]}, {@code
 * @ws.broadcast.all}).
 *
 * <p>Mixins (Node rule A-7): when at least one service is websocket-enabled, the events and unbound
 * operations of other services that carry {@code @ws}/{@code @websocket} or any {@code @ws.*}
 * annotation are exposed at the websocket path derived from their service's path, the same way
 * (entities are not). {@code @ws.path}/{@code @websocket.path} on an event, an operation or its
 * service (in that order; Node rule A-8) re-routes an event to the clients of that path, and binds
 * an operation there as well as on its own path. The target must be the path of a
 * websocket-enabled service; otherwise the event or binding is left out with a warning.
 *
 * <p>Errors: two services claiming the same path, format names nothing provides, and annotation
 * values that cannot be read ({@code @ws.format}, {@code @ws.path}, {@code @ws.broadcast}) fail
 * start-up with a message that names the annotation or the fix.
 */
public final class WebSocketModelResolver {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketModelResolver.class);
  private static final Set<String> LIFECYCLE =
      Set.of(ServiceEndpoint.WS_CONNECT, ServiceEndpoint.WS_DISCONNECT, ServiceEndpoint.WS_CONTEXT);
  private static final String DRAFTS_SUFFIX = ".drafts";
  private static final String PROTOCOL_NONE = "none";

  /**
   * What the application configuration says about one service.
   *
   * @param protocols configured {@code serve.protocols}, or {@code null}
   * @param path configured {@code serve.path}, or {@code null}
   * @param ignored configured {@code serve.ignore}
   */
  public record ServiceConfig(List<String> protocols, String path, boolean ignored) {
    /** No configuration. */
    public static final ServiceConfig NONE = new ServiceConfig(null, null, false);
  }

  private final String prefix;
  private final String defaultFormat;
  private final Function<String, List<String>> formats;
  private final Function<String, ServiceConfig> config;

  /**
   * A resolver that accepts a fixed set of format names, none of which claims a subprotocol.
   *
   * @param prefix the protocol prefix, e.g. {@code /ws}
   * @param defaultFormat the configured default format
   * @param supportedFormats the format names this runtime can parse and compose
   * @param config the configuration of a service by qualified name
   */
  public WebSocketModelResolver(
      String prefix,
      String defaultFormat,
      Set<String> supportedFormats,
      Function<String, ServiceConfig> config) {
    this(
        prefix,
        defaultFormat,
        name -> {
          if (!supportedFormats.contains(name)) {
            throw new IllegalStateException(
                "Websocket format '" + name + "' is not supported; supported: " + supportedFormats);
          }
          return List.of();
        },
        config);
  }

  /**
   * A resolver that resolves format names through the application's formats.
   *
   * @param prefix the protocol prefix, e.g. {@code /ws}
   * @param defaultFormat the configured default format
   * @param formats the application's formats; names that resolve to nothing fail start-up
   * @param config the configuration of a service by qualified name
   */
  public WebSocketModelResolver(
      String prefix,
      String defaultFormat,
      MessageFormats formats,
      Function<String, ServiceConfig> config) {
    this(prefix, defaultFormat, name -> formats.resolve(name).subprotocols(), config);
  }

  private WebSocketModelResolver(
      String prefix,
      String defaultFormat,
      Function<String, List<String>> formats,
      Function<String, ServiceConfig> config) {
    this.prefix = ServicePaths.normalisePrefix(prefix);
    this.defaultFormat = defaultFormat;
    this.formats = formats;
    this.config = config;
  }

  /** Resolves every websocket endpoint of the model. */
  public WebSocketModel resolve(CdsModel model) {
    checkFormat(defaultFormat, "cds.websocket.format");
    Map<String, EndpointBuilder> byPath = new LinkedHashMap<>();
    List<CdsService> served = model.services().filter(this::isWebSocketService).toList();
    for (CdsService service : served) {
      EndpointBuilder endpoint = primary(service);
      EndpointBuilder clash = byPath.putIfAbsent(endpoint.path, endpoint);
      if (clash != null) {
        throw new IllegalStateException(
            "Services "
                + clash.serviceName
                + " and "
                + endpoint.serviceName
                + " are both served at websocket path "
                + endpoint.path
                + "; give one of them another @path");
      }
    }
    Set<String> servedPaths = Set.copyOf(byPath.keySet());
    for (CdsService service : served) {
      String format = serviceFormat(service);
      String ownPath = pathOf(service);
      service
          .events()
          .forEach(e -> addEvent(byPath, servedPaths, service, format, ownPath, e, null));
      operations(service)
          .filter(op -> !LIFECYCLE.contains(op.getName()))
          .forEach(op -> routeOperation(byPath, servedPaths, service, op, null));
    }
    if (served.isEmpty()) {
      LOG.debug("No websocket-enabled service; mixin events and operations are not exposed");
    } else {
      model
          .services()
          .filter(s -> !served.contains(s))
          .filter(this::isServed)
          .forEach(s -> addMixins(byPath, servedPaths, s));
    }
    List<ServiceEndpoint> endpoints = byPath.values().stream().map(EndpointBuilder::build).toList();
    endpoints.forEach(
        e ->
            LOG.info(
                "Serving service {} via websocket at {}{}",
                e.serviceName(),
                e.path(),
                mixinNote(e)));
    return new WebSocketModel(endpoints);
  }

  private static String mixinNote(ServiceEndpoint endpoint) {
    Set<String> others = new java.util.TreeSet<>();
    endpoint.events().values().stream()
        .map(EventDefinition::serviceName)
        .filter(s -> s != null && !s.equals(endpoint.serviceName()))
        .forEach(others::add);
    endpoint.operations().values().stream()
        .map(OperationDefinition::serviceName)
        .filter(s -> s != null && !s.equals(endpoint.serviceName()))
        .forEach(others::add);
    return others.isEmpty() ? "" : " (with events or operations of " + others + ")";
  }

  private EndpointBuilder primary(CdsService service) {
    String name = service.getQualifiedName();
    String format = serviceFormat(service);
    EndpointBuilder endpoint =
        new EndpointBuilder(name, pathOf(service), format, checkFormat(format, name));
    operations(service)
        .filter(op -> LIFECYCLE.contains(op.getName()))
        .forEach(op -> endpoint.lifecycle.put(op.getName(), operation(op, null)));
    endpoint.entities.putAll(entities(service));
    return endpoint;
  }

  private void addMixins(
      Map<String, EndpointBuilder> byPath, Set<String> servedPaths, CdsService service) {
    boolean serviceRouted = Annotations.first(service, Annotations.ROUTE).isPresent();
    List<CdsEvent> events = service.events().filter(Annotations::isMixin).toList();
    List<CdsOperation> operations =
        operations(service)
            .filter(Annotations::isMixin)
            .filter(op -> !LIFECYCLE.contains(op.getName()))
            .toList();
    if (events.isEmpty() && operations.isEmpty()) {
      return;
    }
    String format = serviceFormat(service);
    String ownPath = pathOf(service);
    String name = service.getQualifiedName();
    Function<String, EndpointBuilder> own =
        path ->
            byPath.computeIfAbsent(
                path, p -> new EndpointBuilder(name, p, format, checkFormat(format, name)));
    for (CdsEvent event : events) {
      addEvent(byPath, servedPaths, service, format, ownPath, event, own);
    }
    for (CdsOperation op : operations) {
      own.apply(ownPath).addOperation(operation(op, name), name);
      routeOperation(byPath, servedPaths, service, op, name);
    }
    LOG.debug(
        "Service {} is not websocket-enabled; exposing its mixin events {} and operations {}{}",
        name,
        events.stream().map(CdsEvent::getName).toList(),
        operations.stream().map(CdsOperation::getName).toList(),
        serviceRouted ? " (service-level @ws.path)" : "");
  }

  private void addEvent(
      Map<String, EndpointBuilder> byPath,
      Set<String> servedPaths,
      CdsService service,
      String serviceFormat,
      String ownPath,
      CdsEvent event,
      Function<String, EndpointBuilder> ownEndpoint) {
    String where = event.getQualifiedName();
    AnnotationCheck.event(event);
    String format = formatOf(event, serviceFormat, where);
    EventDefinition definition =
        new EventDefinition(event.getName(), event, format, service.getQualifiedName());
    Optional<String> route = route(event, service);
    String target = route.orElse(ownPath);
    if (route.isPresent() && !servedPaths.contains(target)) {
      LOG.warn(
          "Event {} is routed by @ws.path to {}, which no websocket-enabled service serves; it is"
              + " not broadcast",
          where,
          target);
      return;
    }
    EndpointBuilder endpoint =
        byPath.containsKey(target) || ownEndpoint == null
            ? byPath.get(target)
            : ownEndpoint.apply(target);
    endpoint.addEvent(definition);
  }

  private void routeOperation(
      Map<String, EndpointBuilder> byPath,
      Set<String> servedPaths,
      CdsService service,
      CdsOperation op,
      String mixinService) {
    String name = service.getQualifiedName();
    Optional<String> route = route(op, service);
    String ownPath = pathOf(service);
    if (mixinService == null) {
      byPath.get(ownPath).addOperation(operation(op, null), name);
    }
    if (route.isEmpty() || route.get().equals(ownPath)) {
      return;
    }
    if (!servedPaths.contains(route.get())) {
      LOG.warn(
          "Operation {} is routed by @ws.path to {}, which no websocket-enabled service serves; it"
              + " is only bound at {}",
          op.getQualifiedName(),
          route.get(),
          ownPath);
      return;
    }
    byPath.get(route.get()).addOperation(operation(op, name), name);
  }

  /** {@code @ws.path} of the definition, else of its service, resolved against the prefix. */
  private Optional<String> route(CdsAnnotatable definition, CdsService service) {
    String where =
        definition instanceof CdsDefinition d ? d.getQualifiedName() : service.getQualifiedName();
    return Annotations.text(definition, Annotations.ROUTE, where)
        .or(() -> Annotations.text(service, Annotations.ROUTE, service.getQualifiedName()))
        .map(path -> ServicePaths.resolve(prefix, path));
  }

  private String pathOf(CdsService service) {
    String name = service.getQualifiedName();
    Object annotated = service.getAnnotationValue(Annotations.PATH, null);
    if (annotated != null && !(Annotations.symbol(annotated) instanceof String)) {
      throw Annotations.unreadable(Annotations.PATH, name, annotated, "a string");
    }
    String path =
        Optional.ofNullable(config.apply(name).path())
            .or(() -> Optional.ofNullable((String) Annotations.symbol(annotated)))
            .orElseGet(() -> ServicePaths.slug(name));
    return ServicePaths.resolve(prefix, path);
  }

  private String serviceFormat(CdsService service) {
    AnnotationCheck.operators(service, service.getQualifiedName());
    return formatOf(service, defaultFormat, service.getQualifiedName());
  }

  private static Stream<CdsOperation> operations(CdsService service) {
    return Stream.concat(service.actions(), service.functions());
  }

  /** Whether a service is served by any protocol at all ({@code @protocol: 'none'} is not). */
  private boolean isServed(CdsService service) {
    ServiceConfig cfg = config.apply(service.getQualifiedName());
    if (cfg.ignored()
        || Annotations.IGNORE_SERVICE.stream()
            .anyMatch(a -> Boolean.TRUE.equals(service.getAnnotationValue(a, null)))) {
      return false;
    }
    for (String annotation : Annotations.PROTOCOL) {
      Object value = Annotations.symbol(service.getAnnotationValue(annotation, null));
      if (value instanceof String s && s.equalsIgnoreCase(PROTOCOL_NONE)) {
        return false;
      }
    }
    return true;
  }

  /** One endpoint while it is being assembled. */
  private static final class EndpointBuilder {
    private final String serviceName;
    private final String path;
    private final String format;
    private final List<String> subprotocols;
    private final Map<String, EventDefinition> events = new LinkedHashMap<>();
    private final Map<String, OperationDefinition> operations = new LinkedHashMap<>();
    private final Map<String, OperationDefinition> lifecycle = new LinkedHashMap<>();
    private final Map<String, EntityDefinition> entities = new LinkedHashMap<>();

    EndpointBuilder(String serviceName, String path, String format, List<String> subprotocols) {
      this.serviceName = serviceName;
      this.path = path;
      this.format = format;
      this.subprotocols = subprotocols;
    }

    void addEvent(EventDefinition event) {
      EventDefinition clash = events.putIfAbsent(event.name(), event);
      if (clash != null && clash != event) {
        LOG.warn(
            "Events {} and {} are both broadcast at {} as '{}'; only the first is",
            clash.definition().getQualifiedName(),
            event.definition().getQualifiedName(),
            path,
            event.name());
      }
    }

    void addOperation(OperationDefinition operation, String owner) {
      OperationDefinition clash = operations.putIfAbsent(operation.name(), operation);
      if (clash != null && clash != operation) {
        LOG.warn(
            "Operations {}.{} and {}.{} are both bound at {}; clients reach the first",
            clash.serviceOr(serviceName),
            clash.name(),
            owner,
            operation.name(),
            path);
      }
    }

    ServiceEndpoint build() {
      return new ServiceEndpoint(
          serviceName, path, format, events, operations, lifecycle, entities, subprotocols);
    }
  }

  boolean isWebSocketService(CdsService service) {
    ServiceConfig cfg = config.apply(service.getQualifiedName());
    if (cfg.ignored()
        || Annotations.IGNORE_SERVICE.stream()
            .anyMatch(a -> Boolean.TRUE.equals(service.getAnnotationValue(a, null)))) {
      return false;
    }
    if (cfg.protocols() != null && !cfg.protocols().isEmpty()) {
      return namesWebSocket(cfg.protocols());
    }
    for (String annotation : Annotations.ENABLED) {
      if (Boolean.TRUE.equals(service.getAnnotationValue(annotation, null))) {
        return true;
      }
    }
    for (String annotation : Annotations.PROTOCOL) {
      Object value = service.getAnnotationValue(annotation, null);
      if (value != null && namesWebSocket(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesWebSocket(Object protocolValue) {
    if (protocolValue instanceof String s) {
      return Annotations.PROTOCOL_NAMES.contains(s.toLowerCase(Locale.ROOT));
    }
    if (protocolValue instanceof Collection<?> many) {
      return many.stream().anyMatch(WebSocketModelResolver::namesWebSocket);
    }
    if (protocolValue instanceof Map<?, ?> map) {
      return namesWebSocket(map.get("kind"));
    }
    return false;
  }

  /**
   * The entities clients may reach, by name relative to the service. Draft shadow entities ({@code
   * .drafts}) are left out: clients address active rows.
   */
  private static Map<String, EntityDefinition> entities(CdsService service) {
    String servicePrefix = service.getQualifiedName() + ".";
    Map<String, EntityDefinition> entities = new LinkedHashMap<>();
    service
        .entities()
        .filter(e -> e.getQualifiedName().startsWith(servicePrefix))
        .filter(e -> !e.getQualifiedName().endsWith(DRAFTS_SUFFIX))
        .forEach(
            e -> {
              String local = e.getQualifiedName().substring(servicePrefix.length());
              entities.put(local, entity(local, e));
            });
    return entities;
  }

  private static EntityDefinition entity(String name, CdsEntity entity) {
    List<String> keys =
        entity
            .keyElements()
            .filter(k -> !k.getType().isAssociation())
            .map(CdsElement::getName)
            .toList();
    BroadcastContent content = broadcastContent(entity);
    boolean draft =
        Annotations.DRAFT_ENABLED.stream()
            .anyMatch(a -> Boolean.TRUE.equals(entity.getAnnotationValue(a, null)));
    Map<String, OperationDefinition> bound = new LinkedHashMap<>();
    Stream.concat(entity.actions(), entity.functions())
        .map(op -> operation(op, null))
        .forEach(op -> bound.put(op.name(), op));
    return new EntityDefinition(
        name,
        entity,
        keys,
        content,
        Annotations.isTrue(entity, Annotations.BROADCAST_ALL),
        draft,
        bound);
  }

  /**
   * {@code @ws.broadcast.content}, else {@code @ws.broadcast}; a value that is no string (or enum
   * symbol) is an error.
   */
  private static BroadcastContent broadcastContent(CdsEntity entity) {
    for (String name : List.of(Annotations.BROADCAST_CONTENT, Annotations.BROADCAST)) {
      for (String prefix : List.of("websocket.", "ws.")) {
        Object value = entity.getAnnotationValue(prefix + name, null);
        if (value == null) {
          continue;
        }
        try {
          return BroadcastContent.parse(Annotations.symbol(value));
        } catch (IllegalArgumentException e) {
          throw Annotations.unreadable(
              prefix + name, entity.getQualifiedName(), value, "'key', 'data' or 'none'");
        }
      }
    }
    return BroadcastContent.KEY;
  }

  private static OperationDefinition operation(CdsOperation op, String serviceName) {
    List<com.sap.cds.reflect.CdsParameter> params = new ArrayList<>();
    op.parameters().filter(p -> !Annotations.isTrue(p, Annotations.IGNORE)).forEach(params::add);
    return new OperationDefinition(op.getName(), op, params, serviceName);
  }

  private String formatOf(CdsAnnotatable target, String fallback, String where) {
    String format = Annotations.text(target, Annotations.FORMAT, where).orElse(fallback);
    checkFormat(format, where);
    return format;
  }

  /** Resolves a format name; the subprotocols it claims. */
  private List<String> checkFormat(String format, String where) {
    try {
      return formats.apply(format);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "Websocket format '" + format + "' of " + where + " cannot be used: " + e.getMessage(),
          e);
    }
  }
}
