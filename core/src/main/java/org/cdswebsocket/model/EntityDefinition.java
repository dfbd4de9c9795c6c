package org.cdswebsocket.model;

import com.sap.cds.reflect.CdsEntity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity of a websocket-enabled service that clients reach with {@code <name>:create}, {@code
 * :read}, {@code :readDeep}, {@code :update}, {@code :delete}, {@code :list} and {@code
 * :<bound operation>}.
 *
 * <p>Immutable; built once at start-up by {@link WebSocketModelResolver}.
 *
 * @param name the entity's name relative to its service, the prefix of its events on the wire
 * @param definition the CDS definition (a projection in the service)
 * @param keys the names of the key elements clients send to address one row; associations are
 *     left out (their generated foreign keys are keys too)
 * @param broadcastContent what the CRUD broadcasts carry
 * @param broadcastAll whether the CRUD broadcasts reach the calling socket too ({@code
 *     @ws.broadcast.all})
 * @param draftEnabled whether the entity is draft-enabled ({@code @odata.draft.enabled} or
 *     {@code @fiori.draft.enabled}); such entities can be read but not modified over sockets
 * @param operations the bound actions and functions by name
 */
public record EntityDefinition(
    String name,
    CdsEntity definition,
    List<String> keys,
    BroadcastContent broadcastContent,
    boolean broadcastAll,
    boolean draftEnabled,
    Map<String, OperationDefinition> operations) {

  /** The key element that tells active from draft rows of a draft-enabled entity. */
  public static final String IS_ACTIVE_ENTITY = "IsActiveEntity";

  public EntityDefinition {
    keys = List.copyOf(keys);
    operations = Map.copyOf(operations);
  }

  /** The qualified CDS name, e.g. {@code CrudService.Headers}. */
  public String qualifiedName() {
    return definition.getQualifiedName();
  }

  /** The bound operation of this name, if any. */
  public Optional<OperationDefinition> operation(String operation) {
    return Optional.ofNullable(operations.get(operation));
  }
}
