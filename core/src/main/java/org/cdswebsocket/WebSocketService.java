package org.cdswebsocket;

import com.sap.cds.services.Service;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.config.WebSocketRuntime;
import org.cdswebsocket.spi.ClientSession;

/**
 * The CAP service through which applications and transport adapters reach cds-websocket. It is
 * registered in CAP's service catalog under {@link #DEFAULT_NAME} whenever {@code
 * cds.websocket.enabled} is not {@code false}.
 *
 * <pre>{@code
 * WebSocketService ws = runtime.getServiceCatalog()
 *     .getService(WebSocketService.class, WebSocketService.DEFAULT_NAME);
 * ws.emit("ChatService", "received", Map.of("text", "hi"), Map.of("ws", Map.of("k", "v")));
 * }</pre>
 *
 * <p>Threading: all methods are thread-safe. Errors: emitting an event the service does not model
 * throws {@link IllegalArgumentException}.
 */
public interface WebSocketService extends Service {

  /** The name of the service in the catalog. */
  String DEFAULT_NAME = "cds.websocket.WebSocketService";

  /**
   * Emits a modelled event on a CAP service with emit headers, the equivalent of the Node plugin's
   * {@code srv.emit(event, data, headers)}. The event runs through the service's handlers and is
   * broadcast to the service's websocket clients of the current tenant.
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

  /** The core object graph, for transport adapters. */
  WebSocketRuntime runtime();
}
