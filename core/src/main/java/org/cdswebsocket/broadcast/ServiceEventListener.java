package org.cdswebsocket.broadcast;

import com.sap.cds.services.EventContext;
import com.sap.cds.services.handler.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.model.EventDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.recipients.Recipients;

/**
 * The CAP {@code After} handler that turns every emitted event of a websocket-enabled service into
 * a broadcast, whoever emitted it: a socket call, an OData request, a scheduled job or the outbox.
 *
 * <p>The broadcast reaches every client of the endpoint in the emitting user's tenant, the sender
 * included, as in the Node plugin. Threading: runs on the emitting thread; delivery itself is
 * asynchronous (sessions queue frames).
 */
public final class ServiceEventListener implements Handler {

  /** Event-context key under which emit headers travel (also through the outbox). */
  public static final String HEADERS_KEY = "cds.websocket.headers";

  private final ServiceEndpoint endpoint;
  private final Broadcaster broadcaster;

  public ServiceEventListener(ServiceEndpoint endpoint, Broadcaster broadcaster) {
    this.endpoint = endpoint;
    this.broadcaster = broadcaster;
  }

  @Override
  public void process(EventContext context) {
    EventDefinition event = endpoint.event(context.getEvent()).orElse(null);
    if (event == null) {
      return;
    }
    String tenant = context.getUserInfo().getTenant();
    broadcaster.broadcast(
        new Broadcast(
            event.name(),
            event.format(),
            context.get("data"),
            formatHeaders(context.get(HEADERS_KEY)),
            Recipients.of(tenant, endpoint.path())));
  }

  /** The {@code websocket} and {@code ws} sections of the emit headers, merged ({@code ws} wins). */
  static Map<String, Object> formatHeaders(Object headers) {
    if (!(headers instanceof Map<?, ?> map)) {
      return Map.of();
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    for (String section : new String[] {"websocket", "ws"}) {
      if (map.get(section) instanceof Map<?, ?> values) {
        values.forEach((k, v) -> merged.put(String.valueOf(k), v));
      }
    }
    return merged;
  }
}
