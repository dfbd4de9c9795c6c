package org.cdswebsocket.recipients;

import com.sap.cds.reflect.CdsAnnotatable;
import com.sap.cds.reflect.CdsModel;
import com.sap.cds.reflect.CdsService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cdswebsocket.model.Annotations;
import org.cdswebsocket.model.EventDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.WebSocketSettings;

/**
 * Client determination: turns one emitted event into the {@link Recipients} that receive it,
 * exactly as the Node plugin derives them.
 *
 * <p>Mandatory: the emitter's tenant and the endpoint path. Optional, each as include and exclude:
 * users, the emitting user, roles, contexts and client identifiers, aggregated (union) from
 *
 * <ol>
 *   <li>event annotations in all name variants ({@code @websocket.*}, {@code @ws.*}, {@code
 *       @websocket.broadcast.*}, {@code @ws.broadcast.*}; shorthand {@code @ws.user} = include,
 *       {@code @ws.user: 'includeCurrent' | 'excludeCurrent'}),
 *   <li>event elements annotated with the same names (their values from the event data; {@code
 *       many} values give several; {@code @ws.ignore} elements are skipped),
 *   <li>emit headers ({@code user}, {@code wsUsers}, {@code user: {include, exclude}}, {@code
 *       currentUser}, ... see {@link FilterKind}; dotted names are nested maps), including {@code
 *       x-ws-*} / {@code x-websocket-*} headers of the request the emitter was serving.
 * </ol>
 *
 * <p>Request headers only narrow: for an event whose annotations or data already select recipients
 * (any include filter), their include members are ignored and only their exclude members apply.
 * Explicit emit headers of the application win over request headers of the same name.
 *
 * Values are normalised by {@link FilterValues}; an empty list is no restriction. Include kinds
 * combine with {@code @ws.operator.include} of the event, else of the service, else {@code
 * cds.websocket.operator.include}, else {@code or}; exclude kinds likewise.
 *
 * <pre>{@code
 * Recipients r = resolver.resolve(endpoint, event, data, headers, Emitter.of(session));
 * broadcaster.broadcast(new Broadcast(event.name(), event.format(), data, formatHeaders, r));
 * }</pre>
 *
 * <p>Thread-safe: the annotations of each event are read once and cached.
 */
public final class RecipientsResolver {

  private final CdsModel model;
  private final Operator defaultInclude;
  private final Operator defaultExclude;
  private final Map<String, EventFilter> filters = new ConcurrentHashMap<>();

  /**
   * @param model the CDS model, for service-level operator annotations; may be {@code null}
   * @param defaultInclude the configured include operator
   * @param defaultExclude the configured exclude operator
   */
  public RecipientsResolver(CdsModel model, Operator defaultInclude, Operator defaultExclude) {
    this.model = model;
    this.defaultInclude = defaultInclude == null ? Operator.OR : defaultInclude;
    this.defaultExclude = defaultExclude == null ? Operator.OR : defaultExclude;
  }

  /** A resolver with the operators configured under {@code cds.websocket.operator.*}. */
  public static RecipientsResolver create(CdsModel model, WebSocketSettings.Operators operators) {
    return new RecipientsResolver(
        model,
        Operator.parse(operators.include(), Operator.OR),
        Operator.parse(operators.exclude(), Operator.OR));
  }

  /**
   * The recipients of one modelled event.
   *
   * @param endpoint where the event is broadcast
   * @param event the modelled event (its annotations and elements drive the filters)
   * @param data the event data (a map; other values derive no element filters)
   * @param headers the emit headers, may be {@code null}
   * @param emitter who emitted it (tenant, user, request headers)
   */
  public Recipients resolve(
      ServiceEndpoint endpoint,
      EventDefinition event,
      Object data,
      Map<String, ?> headers,
      Emitter emitter) {
    Recipients base = Recipients.of(emitter.tenant(), endpoint.path());
    String service = event.serviceName() != null ? event.serviceName() : endpoint.serviceName();
    return narrow(base, service, event, data, headers, emitter);
  }

  /**
   * Narrows recipients that already carry tenant, path and any excluded session (e.g. a CRUD
   * broadcast {@code <Entity>.created} modelled as an event) by the event's filters, with the
   * sender's user as the current user. Fits {@code CrudRecipientResolver} as a method reference.
   *
   * @param base tenant and endpoint (and possibly the excluded sender)
   * @param event the modelled event
   * @param data the broadcast data
   * @param sender the socket whose call triggered the broadcast
   */
  public Recipients narrow(
      Recipients base, EventDefinition event, Map<String, Object> data, ClientSession sender) {
    return narrow(base, serviceOf(event), event, data, null, Emitter.of(sender));
  }

  private Recipients narrow(
      Recipients base,
      String serviceName,
      EventDefinition event,
      Object data,
      Map<String, ?> headers,
      Emitter emitter) {
    EventFilter filter =
        filters.computeIfAbsent(
            serviceName + '|' + event.definition().getQualifiedName(),
            key -> eventFilter(serviceName, event));
    Selection selection = new Selection(emitter.user());
    filter.collect(selection, data);
    boolean ownIncludes = selection.hasIncludes();
    Map<String, Object> explicit = EmitHeaders.normalise(headers, event.format());
    Map<String, Object> fromRequest =
        EmitHeaders.normalise(emitter.requestHeaders(), event.format());
    explicit.keySet().forEach(fromRequest::remove); // explicit emit headers win
    collectHeaders(selection, explicit, true);
    // request headers may narrow an event, never widen one that selects its own recipients
    collectHeaders(selection, fromRequest, !ownIncludes);
    return selection.applyTo(base.operators(filter.includeOperator(), filter.excludeOperator()));
  }

  /**
   * The emit headers in effect: the emitter's {@code x-ws-*} request headers, overridden by the
   * explicit emit headers, with all {@code x-ws-*} names converted ({@link EmitHeaders}).
   */
  public static Map<String, Object> effectiveHeaders(
      String format, Map<String, ?> headers, Emitter emitter) {
    Map<String, Object> fromRequest = EmitHeaders.normalise(emitter.requestHeaders(), format);
    return EmitHeaders.merge(fromRequest, EmitHeaders.normalise(headers, format));
  }

  /**
   * Applies a Node-style facade filter {@code {user: {include, exclude}, role: {...}, context:
   * {...}, identifier: {...}}} (each value a string or list) to {@code base}.
   */
  public static Recipients withFilter(Recipients base, Map<String, ?> filter) {
    if (filter == null || filter.isEmpty()) {
      return base;
    }
    Selection selection = new Selection(null);
    for (FilterKind kind : FilterKind.values()) {
      selection.include(kind, EmitHeaders.lookup(filter, kind.annotation() + ".include"));
      selection.exclude(kind, EmitHeaders.lookup(filter, kind.annotation() + ".exclude"));
    }
    return selection.applyTo(base);
  }

  /**
   * Adds the filter headers to the selection.
   *
   * @param includes whether include headers count; exclude headers always do
   */
  private static void collectHeaders(
      Selection selection, Map<String, Object> headers, boolean includes) {
    if (headers.isEmpty()) {
      return;
    }
    for (FilterKind kind : FilterKind.values()) {
      if (includes) {
        for (String name : kind.shorthandHeaders()) {
          Object value = headers.get(name);
          if (!(value instanceof Map<?, ?>)) {
            selection.include(kind, value);
          }
        }
        kind.includeHeaders().forEach(n -> selection.include(kind, EmitHeaders.lookup(headers, n)));
      }
      kind.excludeHeaders().forEach(n -> selection.exclude(kind, EmitHeaders.lookup(headers, n)));
    }
    String current = FilterKind.CURRENT_USER;
    if (includes) {
      for (String name : FilterKind.shorthands(current)) {
        Object value = headers.get(name);
        if (!(value instanceof Map<?, ?>) && FilterValues.isTruthy(value)) {
          selection.includeCurrentUser();
        }
      }
      if (anyTruthy(headers, FilterKind.suffixed(current, "include"))) {
        selection.includeCurrentUser();
      }
    }
    if (anyTruthy(headers, FilterKind.suffixed(current, "exclude"))) {
      selection.excludeCurrentUser();
    }
  }

  private static boolean anyTruthy(Map<String, Object> headers, List<String> names) {
    return names.stream().anyMatch(n -> FilterValues.isTruthy(EmitHeaders.lookup(headers, n)));
  }

  /** The service that defines the event: the longest service name prefixing its name. */
  private String serviceOf(EventDefinition event) {
    String qualified = event.definition().getQualifiedName();
    if (model == null) {
      int dot = qualified.indexOf('.');
      return dot < 0 ? "" : qualified.substring(0, dot);
    }
    return model
        .services()
        .map(CdsService::getQualifiedName)
        .filter(name -> qualified.startsWith(name + "."))
        .max(Comparator.comparingInt(String::length))
        .orElse("");
  }

  private EventFilter eventFilter(String serviceName, EventDefinition event) {
    Optional<CdsAnnotatable> service =
        model == null
            ? Optional.empty()
            : model.findService(serviceName).map(s -> (CdsAnnotatable) s);
    return EventFilter.of(
        event.definition(),
        operator(event, service, Annotations.OPERATOR_INCLUDE, defaultInclude),
        operator(event, service, Annotations.OPERATOR_EXCLUDE, defaultExclude));
  }

  private static Operator operator(
      EventDefinition event,
      Optional<CdsAnnotatable> service,
      String annotation,
      Operator fallback) {
    Operator serviceLevel =
        service
            .flatMap(s -> Annotations.first(s, annotation))
            .map(v -> Operator.parse(v, fallback))
            .orElse(fallback);
    return Annotations.first(event.definition(), annotation)
        .map(v -> Operator.parse(v, serviceLevel))
        .orElse(serviceLevel);
  }
}
