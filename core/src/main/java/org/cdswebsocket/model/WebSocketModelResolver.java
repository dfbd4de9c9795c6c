package org.cdswebsocket.model;

import com.sap.cds.reflect.CdsElement;
import com.sap.cds.reflect.CdsEntity;
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
 * <p>Errors: two services claiming the same path, and unsupported formats, fail start-up with a
 * message that names the fix.
 */
public final class WebSocketModelResolver {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketModelResolver.class);
  private static final Set<String> LIFECYCLE =
      Set.of(ServiceEndpoint.WS_CONNECT, ServiceEndpoint.WS_DISCONNECT, ServiceEndpoint.WS_CONTEXT);
  private static final String DRAFTS_SUFFIX = ".drafts";

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
  private final Set<String> supportedFormats;
  private final Function<String, ServiceConfig> config;

  /**
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
    this.prefix = ServicePaths.normalisePrefix(prefix);
    this.defaultFormat = defaultFormat;
    this.supportedFormats = Set.copyOf(supportedFormats);
    this.config = config;
  }

  /** Resolves every websocket endpoint of the model. */
  public WebSocketModel resolve(CdsModel model) {
    Map<String, ServiceEndpoint> byPath = new LinkedHashMap<>();
    model
        .services()
        .filter(this::isWebSocketService)
        .map(this::endpoint)
        .forEach(
            endpoint -> {
              ServiceEndpoint clash = byPath.putIfAbsent(endpoint.path(), endpoint);
              if (clash != null) {
                throw new IllegalStateException(
                    "Services "
                        + clash.serviceName()
                        + " and "
                        + endpoint.serviceName()
                        + " are both served at websocket path "
                        + endpoint.path()
                        + "; give one of them another @path");
              }
              LOG.info(
                  "Serving service {} via websocket at {}",
                  endpoint.serviceName(),
                  endpoint.path());
            });
    return new WebSocketModel(byPath.values());
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

  private ServiceEndpoint endpoint(CdsService service) {
    String name = service.getQualifiedName();
    String path =
        Optional.ofNullable(config.apply(name).path())
            .or(() -> Optional.ofNullable(service.getAnnotationValue(Annotations.PATH, null)))
            .map(Object::toString)
            .orElseGet(() -> ServicePaths.slug(name));
    String serviceFormat = formatOf(service, defaultFormat, name);

    Map<String, EventDefinition> events = new LinkedHashMap<>();
    service
        .events()
        .forEach(
            e ->
                events.put(
                    e.getName(),
                    new EventDefinition(
                        e.getName(), e, formatOf(e, serviceFormat, e.getQualifiedName()))));

    Map<String, OperationDefinition> operations = new LinkedHashMap<>();
    Map<String, OperationDefinition> lifecycle = new LinkedHashMap<>();
    Stream.concat(service.actions(), service.functions())
        .map(WebSocketModelResolver::operation)
        .forEach(op -> (LIFECYCLE.contains(op.name()) ? lifecycle : operations).put(op.name(), op));

    return new ServiceEndpoint(
        name,
        ServicePaths.resolve(prefix, path),
        serviceFormat,
        events,
        operations,
        lifecycle,
        entities(service));
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
    Object content =
        Annotations.first(entity, Annotations.BROADCAST_CONTENT)
            .or(() -> Annotations.first(entity, Annotations.BROADCAST))
            .orElse(null);
    boolean draft =
        Annotations.DRAFT_ENABLED.stream()
            .anyMatch(a -> Boolean.TRUE.equals(entity.getAnnotationValue(a, null)));
    Map<String, OperationDefinition> bound = new LinkedHashMap<>();
    Stream.concat(entity.actions(), entity.functions())
        .map(WebSocketModelResolver::operation)
        .forEach(op -> bound.put(op.name(), op));
    return new EntityDefinition(
        name,
        entity,
        keys,
        BroadcastContent.parse(content),
        Annotations.isTrue(entity, Annotations.BROADCAST_ALL),
        draft,
        bound);
  }

  private static OperationDefinition operation(CdsOperation op) {
    List<com.sap.cds.reflect.CdsParameter> params = new ArrayList<>();
    op.parameters().filter(p -> !Annotations.isTrue(p, Annotations.IGNORE)).forEach(params::add);
    return new OperationDefinition(op.getName(), op, params);
  }

  private String formatOf(
      com.sap.cds.reflect.CdsAnnotatable target, String fallback, String where) {
    String format =
        Annotations.first(target, Annotations.FORMAT).map(Object::toString).orElse(fallback);
    if (!supportedFormats.contains(format)) {
      throw new IllegalStateException(
          "Websocket format '"
              + format
              + "' of "
              + where
              + " is not supported; supported formats: "
              + supportedFormats);
    }
    return format;
  }
}
