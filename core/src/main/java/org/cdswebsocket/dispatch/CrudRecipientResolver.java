package org.cdswebsocket.dispatch;

import java.util.Map;
import org.cdswebsocket.model.EventDefinition;
import org.cdswebsocket.recipients.Recipients;
import org.cdswebsocket.spi.ClientSession;

/**
 * The hook through which client determination narrows a CRUD broadcast that is modelled as a
 * service event ({@code event Books.created {...}}): the event's user, role, context and identifier
 * annotations apply, with the calling socket's user as the current user, as in the Node plugin.
 *
 * <p>Called on the thread that ran the entity call, after its change set committed. Implementations
 * must be thread-safe and must not block.
 *
 * <pre>{@code
 * CrudRecipientResolver resolver =
 *     (base, event, data, sender) -> base.includeContexts(Set.of(String.valueOf(data.get("ID"))));
 * }</pre>
 */
@FunctionalInterface
public interface CrudRecipientResolver {

  /**
   * Narrows the recipients of one CRUD broadcast.
   *
   * @param base tenant and endpoint of the sender, without the sender unless broadcast to all
   * @param event the modelled broadcast event with its filter annotations
   * @param data the broadcast data (already reduced to the event's elements)
   * @param sender the socket whose call triggered the broadcast
   * @return the recipients to deliver to
   */
  Recipients resolve(
      Recipients base, EventDefinition event, Map<String, Object> data, ClientSession sender);
}
