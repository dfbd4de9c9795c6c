package org.cdswebsocket.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.EventContext;
import com.sap.cds.services.ServiceException;
import com.sap.cds.services.cds.ApplicationService;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.On;
import com.sap.cds.services.handler.annotations.ServiceName;
import com.sap.cds.services.outbox.OutboxService;
import com.sap.cds.services.request.RequestContext;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cdswebsocket.WebSocketService;
import org.cdswebsocket.facade.WebSocketFacade;
import org.springframework.stereotype.Component;

/**
 * Test drivers of {@code FilterService}: emit events with headers (directly, through CAP's outbox),
 * use the per-socket facade, and record the lifecycle operations.
 */
@Component
@ServiceName(FilterServiceHandler.SERVICE)
public class FilterServiceHandler implements EventHandler {

  /** The service name. */
  public static final String SERVICE = "FilterService";

  /** The tenants a {@code marker} is emitted to after every {@code emitEvent}. */
  public static final List<String> TENANTS = List.of("t1", "t2");

  /**
   * {@code identifier:operation:reason} of every {@code wsDisconnect} and facade {@code
   * onDisconnect}.
   */
  public static final List<String> DISCONNECTS = new CopyOnWriteArrayList<>();

  /** {@code wsContext} refuses contexts with this prefix. */
  public static final String FORBIDDEN_CONTEXT = "forbidden";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CdsRuntime runtime;

  public FilterServiceHandler(CdsRuntime runtime) {
    this.runtime = runtime;
  }

  @On(event = "emitEvent")
  public void emitEvent(EventContext context) {
    webSocket()
        .emit(
            SERVICE,
            (String) context.get("event"),
            map(context.get("data")),
            map(context.get("headers")));
    for (String tenant : TENANTS) {
      runtime
          .requestContext()
          .systemUser(tenant)
          // the marker must not inherit x-ws-* headers of the request being served
          .modifyParameters(p -> p.setHeaders(Map.of()))
          .run(
              (RequestContext r) -> {
                // a tenant switch needs its own change set (own transaction)
                runtime
                    .changeSetContext()
                    .run(
                        cs -> {
                          webSocket().emit(SERVICE, "marker", Map.of("tenant", tenant), Map.of());
                        });
              });
    }
    context.setCompleted();
  }

  /** The documented plain-EventContext way: data and headers as event-context keys. */
  @On(event = "emitOutboxed")
  public void emitOutboxed(EventContext context) {
    String name =
        "persistent".equals(context.get("outbox"))
            ? OutboxService.PERSISTENT_UNORDERED_NAME
            : OutboxService.INMEMORY_NAME;
    OutboxService outbox = runtime.getServiceCatalog().getService(OutboxService.class, name);
    ApplicationService service =
        runtime.getServiceCatalog().getService(ApplicationService.class, SERVICE);
    EventContext event = EventContext.create((String) context.get("event"), null);
    event.put("data", map(context.get("data")));
    event.put(WebSocketService.HEADERS, map(context.get("headers")));
    outbox.outboxed(service).emit(event);
    if (Boolean.TRUE.equals(context.get("fail"))) {
      throw new ServiceException(ErrorStatuses.CONFLICT, "Rolled back on purpose");
    }
    context.setCompleted();
  }

  @On(event = "facade")
  public void facade(EventContext context) {
    WebSocketFacade socket = webSocket().facade().orElseThrow();
    String text = (String) context.get("text");
    String ctx = (String) context.get("context");
    Map<String, Object> filter = map(context.get("filter"));
    Map<String, Object> data = Map.of("text", text == null ? "" : text);
    switch ((String) context.get("op")) {
      case "emit" -> socket.emit("plain", data, Map.of());
      case "broadcast" -> socket.broadcast("plain", data, Map.of(), filter);
      case "broadcastAll" -> socket.broadcastAll("plain", data, Map.of(), filter);
      case "enter" -> socket.enter(ctx);
      case "exit" -> socket.exit(ctx);
      case "reset" -> socket.reset();
      case "disconnect" -> socket.disconnect();
      case "report" -> {} // only the contexts report below
      case "native" ->
          socket.emit(
              "plain", Map.of("text", socket.session().nativeSession().getClass().getName()), null);
      case "onDisconnect" -> {
        String id = socket.session().info().identifier();
        socket.onDisconnect(reason -> DISCONNECTS.add(id + ":onDisconnect:" + reason));
      }
      default -> throw new ServiceException(ErrorStatuses.BAD_REQUEST, "Unknown op");
    }
    if (!"disconnect".equals(context.get("op"))) {
      reportContexts(socket);
    }
    context.setCompleted();
  }

  @On(event = "wsConnect")
  public void wsConnect(EventContext context) {
    webSocket()
        .facade()
        .ifPresent(s -> s.emit("welcome", Map.of("user", context.getUserInfo().getName()), null));
    context.setCompleted();
  }

  @On(event = "wsDisconnect")
  public void wsDisconnect(EventContext context) {
    String id = webSocket().currentSession().map(s -> s.info().identifier()).orElse("unknown");
    DISCONNECTS.add(id + ":wsDisconnect:" + context.get("reason"));
    context.setCompleted();
  }

  /**
   * Refuses contexts starting with {@link #FORBIDDEN_CONTEXT} (403); core applies the others only
   * after this returned. Use the facade op {@code report} to see the applied contexts.
   */
  @On(event = "wsContext")
  public void wsContext(EventContext context) {
    Object requested = context.get("context");
    if (requested != null && requested.toString().startsWith(FORBIDDEN_CONTEXT)) {
      throw new ServiceException(ErrorStatuses.FORBIDDEN, "Context not allowed");
    }
    context.setCompleted();
  }

  private static void reportContexts(WebSocketFacade socket) {
    List<String> contexts = new ArrayList<>(socket.session().contexts());
    contexts.sort(null);
    socket.emit("contexts", Map.of("contexts", contexts), null);
  }

  private WebSocketService webSocket() {
    return runtime
        .getServiceCatalog()
        .getService(WebSocketService.class, WebSocketService.DEFAULT_NAME);
  }

  private static Map<String, Object> map(Object json) {
    if (json == null || json.toString().isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json.toString(), new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new ServiceException(ErrorStatuses.BAD_REQUEST, "Invalid JSON: " + e.getMessage());
    }
  }
}
