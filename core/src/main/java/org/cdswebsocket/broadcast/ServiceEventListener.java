package org.cdswebsocket.broadcast;

import com.sap.cds.services.EventContext;
import com.sap.cds.services.handler.Handler;
import java.util.Map;
import org.cdswebsocket.WebSocketService;
import org.cdswebsocket.model.EventDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.recipients.EmitHeaders;
import org.cdswebsocket.recipients.Emitter;
import org.cdswebsocket.recipients.Recipients;
import org.cdswebsocket.recipients.RecipientsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CAP {@code After} handler that turns every emitted event of a websocket-enabled service into
 * a broadcast, whoever emitted it: a socket call, an OData request, a scheduled job or the outbox.
 *
 * <p>Recipients are determined by {@link RecipientsResolver} from the event's filter annotations,
 * its data, the emit headers (event-context key {@link WebSocketService#HEADERS}) and the emitter.
 * The emitter is the one captured when the event entered the outbox ({@link Emitter#KEY}, see
 * {@link EmitterCapture}), else the user and request of the emitting context. Without filters the
 * broadcast reaches every client of the endpoint in the emitter's tenant, the sender included, as
 * in the Node plugin. An outboxed event is broadcast once per node even if the outbox delivers it
 * again (its id is captured with the emitter).
 *
 * <p>Threading: runs on the emitting thread (or the outbox's); delivery itself is asynchronous
 * (sessions queue frames). Errors of single sessions never reach the emitter.
 */
public final class ServiceEventListener implements Handler {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceEventListener.class);

  /** Event-context key under which emit headers travel (also through the outbox). */
  public static final String HEADERS_KEY = WebSocketService.HEADERS;

  private final ServiceEndpoint endpoint;
  private final Broadcaster broadcaster;
  private final RecipientsResolver resolver;
  private final DeliveredEvents delivered = new DeliveredEvents(10_000);

  /**
   * @param endpoint the endpoint whose events this handler broadcasts
   * @param broadcaster delivers the broadcasts
   * @param resolver determines the recipients
   */
  public ServiceEventListener(
      ServiceEndpoint endpoint, Broadcaster broadcaster, RecipientsResolver resolver) {
    this.endpoint = endpoint;
    this.broadcaster = broadcaster;
    this.resolver = resolver;
  }

  @Override
  public void process(EventContext context) {
    EventDefinition event = endpoint.event(context.getEvent()).orElse(null);
    if (event == null
        || (event.serviceName() != null
            && !event.serviceName().equals(context.getService().getName()))) {
      return;
    }
    if (context.get(EmitterCapture.EVENT_ID_KEY) instanceof String id
        && !delivered.firstDelivery(id)) {
      LOG.debug(
          "Outboxed event {} ({}) was already broadcast; dropping the repeat", event.name(), id);
      return;
    }
    Object data = context.get("data");
    Map<String, ?> headers = headersOf(context.get(HEADERS_KEY));
    Emitter emitter = Emitter.of(context);
    Recipients recipients = resolver.resolve(endpoint, event, data, headers, emitter);
    Map<String, Object> formatHeaders =
        EmitHeaders.formatSection(
            RecipientsResolver.effectiveHeaders(event.format(), headers, emitter));
    broadcaster.broadcast(
        new Broadcast(
            event.name(),
            event.format(),
            data,
            formatHeaders,
            recipients,
            context.getService().getName(),
            event.definition().getQualifiedName()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> headersOf(Object headers) {
    return headers instanceof Map<?, ?> map ? (Map<String, ?>) map : null;
  }
}
