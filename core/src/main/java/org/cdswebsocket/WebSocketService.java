package org.cdswebsocket;

import com.sap.cds.services.Service;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.facade.WebSocketFacade;
import org.cdswebsocket.spi.ClientSession;

/**
 * The CAP service through which applications reach cds-websocket. It is registered in CAP's service
 * catalog under {@link #DEFAULT_NAME} whenever {@code cds.websocket.enabled} is not {@code false}.
 *
 * <p>Emitting with headers, the equivalent of the Node plugin's {@code srv.emit(event, data,
 * headers)}, works two ways from any handler (socket, OData, REST, job):
 *
 * <pre>{@code
 * WebSocketService ws = runtime.getServiceCatalog()
 *     .getService(WebSocketService.class, WebSocketService.DEFAULT_NAME);
 * ws.emit("ChatService", "received", Map.of("text", "hi"),
 *     Map.of("user", Map.of("exclude", "bob"), "ws", Map.of("k", "v")));
 *
 * // or with a plain (or generated) event context, also through the outbox:
 * EventContext ev = EventContext.create("received", null);
 * ev.put("data", Map.of("text", "hi"));
 * ev.put(WebSocketService.HEADERS, Map.of("contexts", List.of("room-1")));
 * outbox.outboxed(chatService).emit(ev);
 * }</pre>
 *
 * Header names follow the Node plugin: filter headers ({@code user}, {@code wsUsers}, {@code user:
 * {include, exclude}}, {@code currentUser}, {@code role}, {@code context(s)}, {@code identifier(s)}
 * and their {@code ws*}, {@code *Include}, {@code *Exclude} forms; dotted names are nested maps),
 * HTTP-style {@code x-ws-*} / {@code x-websocket-*} names, and the format sections {@code ws} /
 * {@code websocket}. The {@code x-ws-*} headers of the HTTP request being served apply too.
 *
 * <p>Threading: all methods are thread-safe. Errors: emitting an event the service does not model
 * throws {@link IllegalArgumentException}.
 */
public interface WebSocketService extends Service {

  /** The name of the service in the catalog. */
  String DEFAULT_NAME = "cds.websocket.WebSocketService";

  /**
   * Event-context key of the emit headers (a map), for emitting with a plain {@code EventContext}.
   * Survives CAP's outbox.
   */
  String HEADERS = "cds.websocket.headers";

  /**
   * Emits a modelled event on a CAP service with emit headers, the equivalent of the Node plugin's
   * {@code srv.emit(event, data, headers)}. The event runs through the service's handlers and is
   * broadcast to the service's websocket clients of the current tenant that pass its filters.
   *
   * @param service the qualified service name
   * @param event the event's local name
   * @param data the event data
   * @param headers emit headers ({@code ws}/{@code websocket} sections and filter headers)
   */
  void emit(String service, String event, Map<String, ?> data, Map<String, ?> headers);

  /**
   * The socket whose call the current thread runs, if the current CAP handler was invoked from a
   * socket.
   */
  Optional<ClientSession> currentSession();

  /**
   * The per-socket API of the socket whose call the current thread runs (Node: {@code
   * req.context.ws.service}); empty outside socket calls.
   */
  Optional<WebSocketFacade> facade();

  /** The per-socket API of any open session of this node (e.g. kept from {@code wsConnect}). */
  Optional<WebSocketFacade> facade(ClientSession session);
}
