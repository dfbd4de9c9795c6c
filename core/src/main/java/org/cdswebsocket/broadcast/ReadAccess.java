package org.cdswebsocket.broadcast;

import org.cdswebsocket.spi.ClientInfo;

/**
 * Decides whether the user of a connected client may READ an entity, so that CRUD broadcasts
 * ({@code <Entity>:created} etc., see {@link org.cdswebsocket.recipients.Recipients#requireRead})
 * reach only clients that could read the row over OData.
 *
 * <p>Called by the {@link LocalBroadcaster} on the broadcasting thread, once per candidate session;
 * implementations must be thread-safe, must not block for long (cache the decision) and must not
 * throw. A decision that cannot be made is a refusal.
 */
@FunctionalInterface
public interface ReadAccess {

  /** Grants everything; for tests and set-ups without CAP authorization. */
  ReadAccess ALL = (client, entity) -> true;

  /**
   * Whether the client's user may read the entity.
   *
   * @param client the recipient
   * @param entity the qualified entity name
   */
  boolean mayRead(ClientInfo client, String entity);
}
