package org.cdswebsocket.config;

import com.sap.cds.reflect.CdsModel;
import com.sap.cds.services.Service;
import com.sap.cds.services.application.ApplicationLifecycleService;
import com.sap.cds.services.cds.ApplicationService;
import com.sap.cds.services.environment.CdsEnvironment;
import com.sap.cds.services.environment.CdsProperties;
import com.sap.cds.services.handler.annotations.HandlerOrder;
import com.sap.cds.services.outbox.OutboxService;
import com.sap.cds.services.runtime.CdsRuntime;
import com.sap.cds.services.runtime.CdsRuntimeConfiguration;
import com.sap.cds.services.runtime.CdsRuntimeConfigurer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.cdswebsocket.WebSocketService;
import org.cdswebsocket.authorization.CapAuthorization;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.broadcast.EmitterCapture;
import org.cdswebsocket.broadcast.LocalBroadcaster;
import org.cdswebsocket.broadcast.PayloadComposer;
import org.cdswebsocket.broadcast.ServiceEventListener;
import org.cdswebsocket.broadcast.SessionRegistry;
import org.cdswebsocket.cluster.ClusterSetup;
import org.cdswebsocket.cluster.ClusterState;
import org.cdswebsocket.cluster.MeteredClusterBus;
import org.cdswebsocket.dispatch.ClientLimits;
import org.cdswebsocket.dispatch.CrudBroadcaster;
import org.cdswebsocket.dispatch.DispatchingConnectionHandler;
import org.cdswebsocket.dispatch.EntityCallHandler;
import org.cdswebsocket.dispatch.OperationInvoker;
import org.cdswebsocket.facade.DisconnectCallbacks;
import org.cdswebsocket.facade.FacadeConnectionHandler;
import org.cdswebsocket.facade.FacadeFactory;
import org.cdswebsocket.format.MessageFormatBeans;
import org.cdswebsocket.format.MessageFormats;
import org.cdswebsocket.metrics.MeteredConnectionHandler;
import org.cdswebsocket.model.EventDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.model.WebSocketModel;
import org.cdswebsocket.model.WebSocketModelResolver;
import org.cdswebsocket.model.WebSocketModelResolver.ServiceConfig;
import org.cdswebsocket.recipients.RecipientsResolver;
import org.cdswebsocket.spi.Endpoint;
import org.cdswebsocket.spi.SettingsSource;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.spi.TransportKind;
import org.cdswebsocket.spi.WebSocketKind;
import org.cdswebsocket.spi.WebSocketSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of core, found by CAP through {@link java.util.ServiceLoader}.
 *
 * <p>Services phase: reads {@code cds.websocket.*} once into {@link WebSocketSettings}, fails fast
 * when the configured kind's adapter is not on the class path, and registers the {@link
 * WebSocketService} and the provider of the adapters' {@link TransportContext}. Event-handler
 * phase: resolves the websocket endpoints from the CDS model, builds the object graph and registers
 * one {@code After} handler per websocket-enabled service that broadcasts its modelled events.
 * Every skipped branch is logged.
 */
public class WebSocketRuntimeConfiguration implements CdsRuntimeConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketRuntimeConfiguration.class);

  @Override
  public void services(CdsRuntimeConfigurer configurer) {
    CdsRuntime cdsRuntime = configurer.getCdsRuntime();
    SettingsSource source = source(cdsRuntime.getEnvironment());
    if (WebSocketSettings.activeKind(source) == null) {
      // checked first: a disabled library does not fail on settings it will never use
      LOG.info("cds-websocket is disabled (cds.websocket.enabled: false)");
      return;
    }
    WebSocketSettings settings = WebSocketSettings.read(source);
    transport(settings.kind());
    configurer.service(new ObservabilityHub());
    configurer.service(new DefaultTransportContextProvider(settings));
    configurer.service(new DefaultWebSocketService(cdsRuntime));
  }

  @Override
  public void eventHandlers(CdsRuntimeConfigurer configurer) {
    CdsRuntime cdsRuntime = configurer.getCdsRuntime();
    DefaultTransportContextProvider provider =
        (DefaultTransportContextProvider)
            cdsRuntime
                .getServiceCatalog()
                .getService(TransportContext.Provider.class, TransportContext.PROVIDER_NAME);
    if (provider == null) {
      return;
    }
    DefaultWebSocketService service =
        (DefaultWebSocketService)
            cdsRuntime
                .getServiceCatalog()
                .getService(WebSocketService.class, WebSocketService.DEFAULT_NAME);
    WebSocketSettings settings = provider.settings();
    TransportKind transport = transport(settings.kind());
    MessageFormats formats = formats(cdsRuntime);
    WebSocketModel model = resolveModel(cdsRuntime, settings, formats);

    ObservabilityHub hub = ObservabilityHub.of(cdsRuntime).orElseThrow();
    SessionRegistry registry = new SessionRegistry();
    PayloadComposer composer =
        new PayloadComposer(formats, transport.structuredEvents(), cdsRuntime.getCdsModel());
    CapAuthorization authorization = new CapAuthorization(cdsRuntime);
    ClusterState cluster = ClusterSetup.connect(settings.cluster(), cdsRuntime.getEnvironment());
    cluster =
        cluster.withBus(
            cluster.connectedBus().map(bus -> new MeteredClusterBus(bus, hub)).orElse(null));
    hub.cluster(cluster);
    Broadcaster broadcaster =
        ClusterSetup.broadcaster(
            cluster, new LocalBroadcaster(registry, composer, authorization, hub));
    if (broadcaster instanceof AutoCloseable closeable) {
      closeOnStop(cdsRuntime, closeable);
    }
    OperationInvoker invoker = new OperationInvoker(cdsRuntime);
    RecipientsResolver recipients =
        RecipientsResolver.create(cdsRuntime.getCdsModel(), settings.operators());
    // Modelled CRUD events (<Entity>.created) are narrowed by their filter annotations.
    EntityCallHandler entities =
        new EntityCallHandler(
            invoker,
            new CrudBroadcaster(broadcaster, recipients::narrow),
            cdsRuntime.getEnvironment());
    DispatchingConnectionHandler handler =
        new DispatchingConnectionHandler(
            model,
            registry,
            composer,
            invoker,
            entities,
            authorization,
            ClientLimits.from(settings.limits()));
    DisconnectCallbacks disconnectCallbacks = new DisconnectCallbacks();
    List<Endpoint> endpoints = endpoints(model);
    provider.initialise(
        new TransportContext(
            settings,
            endpoints,
            new MeteredConnectionHandler(
                new FacadeConnectionHandler(handler, disconnectCallbacks),
                hub,
                endpoints.stream().map(Endpoint::path).toList()),
            hub));
    service.initialise(new FacadeFactory(model, composer, broadcaster, disconnectCallbacks));

    model
        .endpoints()
        .forEach(endpoint -> registerBroadcasts(cdsRuntime, endpoint, broadcaster, recipients));
    registerEmitterCapture(cdsRuntime, model);
    LOG.info(
        "Using websocket kind {} with {} endpoint(s): {}",
        settings.kind(),
        model.endpoints().size(),
        model.endpoints().stream().map(ServiceEndpoint::path).sorted().toList());
  }

  /**
   * The application's formats: built-ins, Spring beans (handed over as {@link MessageFormatBeans}),
   * ServiceLoader providers and class names.
   */
  static MessageFormats formats(CdsRuntime cdsRuntime) {
    Service beans = cdsRuntime.getServiceCatalog().getService(MessageFormatBeans.NAME);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return new MessageFormats(
        name ->
            beans instanceof MessageFormatBeans formatBeans
                ? formatBeans.find(name)
                : Optional.empty(),
        loader != null ? loader : WebSocketRuntimeConfiguration.class.getClassLoader());
  }

  /** Reads {@code cds.websocket.*} from CAP's environment (Spring's, in a Spring Boot app). */
  static SettingsSource source(CdsEnvironment environment) {
    return key -> environment.getProperty(key, String.class, null);
  }

  private static List<Endpoint> endpoints(WebSocketModel model) {
    return model.endpoints().stream()
        .map(e -> new Endpoint(e.path(), e.serviceName(), e.format(), e.subprotocols()))
        .sorted(Comparator.comparing(Endpoint::path))
        .toList();
  }

  static WebSocketModel resolveModel(
      CdsRuntime cdsRuntime, WebSocketSettings settings, MessageFormats formats) {
    CdsProperties.Application application =
        cdsRuntime.getEnvironment().getCdsProperties().getApplication();
    WebSocketModelResolver resolver =
        new WebSocketModelResolver(
            settings.path(),
            settings.format(),
            formats,
            name -> {
              CdsProperties.Application.ApplicationServiceConfig cfg =
                  application.getServices().get(name);
              if (cfg == null || cfg.getServe() == null) {
                return ServiceConfig.NONE;
              }
              List<String> protocols = cfg.getServe().getProtocols();
              return new ServiceConfig(
                  protocols, cfg.getServe().getPath(), cfg.getServe().isIgnore());
            });
    CdsModel model = cdsRuntime.getCdsModel();
    return resolver.resolve(model);
  }

  /**
   * Records the emitting user of websocket events submitted to any outbox, which delivers them as
   * the system user (see {@link EmitterCapture}).
   */
  private static void registerEmitterCapture(CdsRuntime cdsRuntime, WebSocketModel model) {
    Map<String, Set<String>> events = new java.util.LinkedHashMap<>();
    model.endpoints().stream()
        .flatMap(e -> e.events().values().stream())
        .forEach(
            e ->
                events
                    .computeIfAbsent(e.serviceName(), s -> new java.util.TreeSet<>())
                    .add(e.name()));
    if (events.isEmpty()) {
      return;
    }
    EmitterCapture capture = new EmitterCapture(events);
    List<OutboxService> outboxes =
        cdsRuntime.getServiceCatalog().getServices(OutboxService.class).toList();
    outboxes.forEach(
        outbox ->
            outbox.before(
                events.keySet().toArray(String[]::new),
                new String[0],
                HandlerOrder.EARLY,
                capture));
    LOG.debug(
        "Capturing the emitter of outboxed websocket events on {} outbox(es)", outboxes.size());
  }

  private static void registerBroadcasts(
      CdsRuntime cdsRuntime,
      ServiceEndpoint endpoint,
      Broadcaster broadcaster,
      RecipientsResolver recipients) {
    if (endpoint.events().isEmpty()) {
      LOG.debug("Endpoint {} has no events; nothing to broadcast", endpoint.path());
      return;
    }
    Map<String, List<String>> byService =
        endpoint.events().values().stream()
            .collect(
                Collectors.groupingBy(
                    EventDefinition::serviceName,
                    java.util.LinkedHashMap::new,
                    Collectors.mapping(EventDefinition::name, Collectors.toList())));
    ServiceEventListener listener = new ServiceEventListener(endpoint, broadcaster, recipients);
    byService.forEach(
        (serviceName, events) -> {
          ApplicationService service =
              cdsRuntime.getServiceCatalog().getService(ApplicationService.class, serviceName);
          if (service == null) {
            LOG.warn(
                "Service {} has websocket events in the model but is not served; its events {} are"
                    + " not broadcast",
                serviceName,
                events);
            return;
          }
          service.after(events.toArray(String[]::new), new String[0], HandlerOrder.LATE, listener);
        });
  }

  private static void closeOnStop(CdsRuntime cdsRuntime, AutoCloseable closeable) {
    ApplicationLifecycleService lifecycle =
        cdsRuntime
            .getServiceCatalog()
            .getService(
                ApplicationLifecycleService.class, ApplicationLifecycleService.DEFAULT_NAME);
    lifecycle.after(
        new String[] {ApplicationLifecycleService.EVENT_APPLICATION_STOPPED},
        new String[0],
        HandlerOrder.LATE,
        context -> {
          try {
            closeable.close();
          } catch (Exception e) {
            LOG.warn("Closing the cluster adapter failed", e);
          }
        });
  }

  private static TransportKind transport(WebSocketKind kind) {
    List<TransportKind> available =
        ServiceLoader.load(
                TransportKind.class, WebSocketRuntimeConfiguration.class.getClassLoader())
            .stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    return available.stream()
        .filter(t -> t.kind() == kind)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "cds.websocket.kind is '"
                        + kind
                        + "' but its adapter is not on the class path"
                        + (available.isEmpty()
                            ? ""
                            : " (available: "
                                + available.stream()
                                    .map(t -> t.kind().configName())
                                    .collect(Collectors.joining(", "))
                                + ")")
                        + ". Add the dependency "
                        + kind.artifact()
                        + " to your application."));
  }
}
