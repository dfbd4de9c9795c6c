package org.cdswebsocket.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.broadcast.Broadcast;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.model.EntityDefinition;
import org.cdswebsocket.model.EventDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.recipients.Recipients;
import org.cdswebsocket.spi.ClientSession;

/**
 * Broadcasts {@code <Entity>:created|updated|deleted} after a successful entity change, as the Node
 * plugin does: to the other sockets of the endpoint in the sender's tenant, or to all of them with
 * {@code @ws.broadcast.all}.
 *
 * <p>Content: if the service models the event {@code <Entity>.created} (etc.), the data is reduced
 * to that event's elements, it is composed in that event's format and its filter annotations apply
 * through the {@link CrudRecipientResolver}; otherwise {@code @ws.broadcast} decides: the key
 * elements (default), the whole row ({@code data}) or nothing ({@code none}).
 *
 * <p>Every CRUD broadcast reaches only recipients whose user may READ the entity ({@link
 * Recipients#requireRead}; instance-based {@code where} conditions are not evaluated, a user whose
 * READ grant has one does not receive it).
 *
 * <p>Call it only after the change set committed. Thread-safe; delivery errors of single sessions
 * are handled by the {@link Broadcaster}.
 */
public final class CrudBroadcaster {

  private final Broadcaster broadcaster;
  private final CrudRecipientResolver resolver;

  public CrudBroadcaster(Broadcaster broadcaster, CrudRecipientResolver resolver) {
    this.broadcaster = broadcaster;
    this.resolver = resolver;
  }

  /**
   * Broadcasts one change.
   *
   * @param suffix {@code created}, {@code updated} or {@code deleted}
   * @param row the changed row as acknowledged (for deletes: its key)
   */
  public void broadcast(
      ClientSession sender,
      ServiceEndpoint endpoint,
      EntityDefinition entity,
      String suffix,
      Map<String, Object> row) {
    String event = entity.name() + ":" + suffix;
    Recipients recipients =
        Recipients.of(sender.info().tenant(), endpoint.path()).requireRead(entity.qualifiedName());
    if (!entity.broadcastAll()) {
      recipients = recipients.excludeSession(sender.id());
    }
    Optional<EventDefinition> modelled = endpoint.crudEvent(entity.name(), suffix);
    if (modelled.isPresent()) {
      Map<String, Object> data = elementsOf(modelled.get(), row);
      broadcaster.broadcast(
          new Broadcast(
              event,
              modelled.get().format(),
              data,
              Map.of(),
              resolver.resolve(recipients, modelled.get(), data, sender),
              modelled.get().serviceName(),
              modelled.get().definition().getQualifiedName()));
      return;
    }
    Map<String, Object> data =
        switch (entity.broadcastContent()) {
          case NONE -> null;
          case DATA -> row;
          case KEY -> keysOf(entity, row);
        };
    if (data != null) {
      broadcaster.broadcast(
          new Broadcast(
              event, endpoint.format(), data, Map.of(), recipients, endpoint.serviceName(), null));
    }
  }

  private static Map<String, Object> keysOf(EntityDefinition entity, Map<String, Object> row) {
    Map<String, Object> keys = new LinkedHashMap<>();
    entity.keys().forEach(k -> keys.put(k, row.get(k)));
    return keys;
  }

  /** The row reduced to the event's elements; elements the row lacks are left out. */
  private static Map<String, Object> elementsOf(EventDefinition event, Map<String, Object> row) {
    Map<String, Object> data = new LinkedHashMap<>();
    event
        .definition()
        .elements()
        .filter(e -> row.containsKey(e.getName()))
        .forEach(e -> data.put(e.getName(), row.get(e.getName())));
    return data;
  }
}
