package org.cdswebsocket.broadcast;

import com.sap.cds.services.EventContext;
import com.sap.cds.services.handler.Handler;
import com.sap.cds.services.outbox.OutboxMessage;
import com.sap.cds.services.outbox.OutboxMessageEventContext;
import com.sap.cds.services.request.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdswebsocket.recipients.Emitter;

/**
 * A {@code Before} handler on CAP's outbox services that records the {@link Emitter} of a websocket
 * event when it is submitted to the outbox, while the emitting user and request are still known.
 *
 * <p>Why: an outboxed {@code emit} is stored without running the target service's handlers, and the
 * outbox later delivers it as the system user (tenant kept). The captured emitter travels as an
 * extra message parameter under {@link Emitter#KEY} — such parameters survive the persistent outbox
 * — and {@link ServiceEventListener} uses it at delivery. A message that already carries one (a
 * re-submission, or the outbox's own processing) is left alone, so the first emitter wins.
 *
 * <p>Registered for the outbox event names that equal websocket-enabled service names (the outbox
 * names each message after its target service). Threading: runs on the submitting thread.
 */
public final class EmitterCapture implements Handler {

  /** Message parameter with a unique id per outboxed event, for duplicate suppression. */
  public static final String EVENT_ID_KEY = "cds.websocket.eventId";

  private final Map<String, Set<String>> eventsByService;

  /**
   * @param eventsByService the broadcast event names of each websocket-enabled service
   */
  public EmitterCapture(Map<String, Set<String>> eventsByService) {
    this.eventsByService = Map.copyOf(eventsByService);
  }

  @Override
  public void process(EventContext context) {
    OutboxMessage message = context.as(OutboxMessageEventContext.class).getMessage();
    if (message == null) {
      return;
    }
    Set<String> events = eventsByService.get(context.getEvent());
    if (events == null || !events.contains(message.getEvent())) {
      return;
    }
    Map<String, Object> params =
        message.getParams() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(message.getParams());
    if (params.containsKey(Emitter.KEY)) {
      return;
    }
    RequestContext request = RequestContext.getCurrent(context.getCdsRuntime());
    params.put(Emitter.KEY, Emitter.of(request.getUserInfo(), request.getParameterInfo()).toMap());
    params.putIfAbsent(EVENT_ID_KEY, UUID.randomUUID().toString());
    message.setParams(params);
  }
}
