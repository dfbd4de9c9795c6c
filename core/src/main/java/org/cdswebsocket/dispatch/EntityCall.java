package org.cdswebsocket.dispatch;

import java.util.Optional;
import org.cdswebsocket.model.EntityDefinition;
import org.cdswebsocket.model.OperationDefinition;
import org.cdswebsocket.model.ServiceEndpoint;

/**
 * One resolved entity event, {@code <Entity>:<action>}: either a CRUD action or a bound operation.
 * CRUD suffixes take precedence over bound operations of the same name.
 *
 * @param entity the addressed entity
 * @param action the CRUD action, or {@code null} for a bound operation
 * @param operation the bound operation, or {@code null} for a CRUD action
 */
record EntityCall(EntityDefinition entity, EntityAction action, OperationDefinition operation) {

  /**
   * Resolves an event name against the endpoint's entities. The entity name is everything before
   * the last colon.
   *
   * @return empty if the event names no entity of the endpoint or no action of it
   */
  static Optional<EntityCall> resolve(ServiceEndpoint endpoint, String event) {
    int colon = event.lastIndexOf(':');
    if (colon <= 0 || colon == event.length() - 1) {
      return Optional.empty();
    }
    String suffix = event.substring(colon + 1);
    return endpoint
        .entity(event.substring(0, colon))
        .flatMap(
            entity ->
                EntityAction.of(suffix)
                    .map(action -> new EntityCall(entity, action, null))
                    .or(
                        () ->
                            entity.operation(suffix).map(op -> new EntityCall(entity, null, op))));
  }

  /** The name used in logs, e.g. {@code Books:create}. */
  String name() {
    return entity.name() + ":" + (operation != null ? operation.name() : action.suffix());
  }
}
