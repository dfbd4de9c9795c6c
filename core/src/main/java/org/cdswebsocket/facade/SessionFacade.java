package org.cdswebsocket.facade;

import java.util.Map;
import java.util.function.Consumer;
import org.cdswebsocket.broadcast.Broadcast;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.broadcast.PayloadComposer;
import org.cdswebsocket.model.EventDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.recipients.EmitHeaders;
import org.cdswebsocket.recipients.Recipients;
import org.cdswebsocket.recipients.RecipientsResolver;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;

/**
 * The {@link WebSocketFacade} of one session. Emits compose the payload with the event's format;
 * broadcasts go through the {@link Broadcaster} (so through the cluster when one is active) with
 * the session's tenant and endpoint and the given filter. Immutable apart from the session's own
 * state; thread-safe.
 */
final class SessionFacade implements WebSocketFacade {

  private final ClientSession session;
  private final ServiceEndpoint endpoint;
  private final PayloadComposer composer;
  private final Broadcaster broadcaster;
  private final DisconnectCallbacks callbacks;

  SessionFacade(
      ClientSession session,
      ServiceEndpoint endpoint,
      PayloadComposer composer,
      Broadcaster broadcaster,
      DisconnectCallbacks callbacks) {
    this.session = session;
    this.endpoint = endpoint;
    this.composer = composer;
    this.broadcaster = broadcaster;
    this.callbacks = callbacks;
  }

  @Override
  public ClientSession session() {
    return session;
  }

  @Override
  public String serviceName() {
    return endpoint.serviceName();
  }

  @Override
  public String path() {
    return endpoint.path();
  }

  @Override
  public void emit(String event, Object data, Map<String, ?> headers) {
    if (!session.isOpen()) {
      return;
    }
    session.send(
        composer.compose(
            serviceOf(event),
            definitionOf(event),
            event,
            formatOf(event),
            data,
            formatHeaders(headers)));
  }

  @Override
  public void broadcast(String event, Object data, Map<String, ?> headers, Map<String, ?> filter) {
    deliver(event, data, headers, recipients(filter).excludeSession(session.id()));
  }

  @Override
  public void broadcastAll(
      String event, Object data, Map<String, ?> headers, Map<String, ?> filter) {
    deliver(event, data, headers, recipients(filter));
  }

  @Override
  public void enter(String context) {
    if (context != null && !context.isEmpty()) {
      session.contexts().add(context);
    }
  }

  @Override
  public void exit(String context) {
    if (context != null) {
      session.contexts().remove(context);
    }
  }

  @Override
  public void reset() {
    session.contexts().clear();
  }

  @Override
  public void disconnect() {
    session.close(CloseCode.NORMAL, "Disconnected by the server");
  }

  @Override
  public void onDisconnect(Consumer<String> callback) {
    callbacks.add(session, callback);
  }

  private void deliver(String event, Object data, Map<String, ?> headers, Recipients recipients) {
    broadcaster.broadcast(
        new Broadcast(
            event,
            formatOf(event),
            data,
            formatHeaders(headers),
            recipients,
            serviceOf(event),
            definitionOf(event)));
  }

  private String serviceOf(String event) {
    return endpoint.event(event).map(EventDefinition::serviceName).orElse(endpoint.serviceName());
  }

  private String definitionOf(String event) {
    return endpoint.event(event).map(e -> e.definition().getQualifiedName()).orElse(null);
  }

  private Recipients recipients(Map<String, ?> filter) {
    return RecipientsResolver.withFilter(
        Recipients.of(session.info().tenant(), endpoint.path()), filter);
  }

  private String formatOf(String event) {
    return endpoint.event(event).map(EventDefinition::format).orElse(endpoint.format());
  }

  /**
   * Headers with a {@code ws}/{@code websocket} section are emit headers: the sections are passed
   * to the format. Otherwise the map itself is the format headers.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> formatHeaders(Map<String, ?> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    if (headers.containsKey("ws") || headers.containsKey("websocket")) {
      return EmitHeaders.formatSection(headers);
    }
    return (Map<String, Object>) headers;
  }
}
