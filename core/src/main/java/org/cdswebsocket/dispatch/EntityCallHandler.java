package org.cdswebsocket.dispatch;

import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import com.sap.cds.services.changeset.ChangeSetContext;
import com.sap.cds.services.changeset.ChangeSetListener;
import com.sap.cds.services.environment.CdsEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdswebsocket.format.InboundMessage;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientSession;

/**
 * Handles entity events {@code <Entity>:create|read|readDeep|update|delete|list|<bound operation>}:
 * converts the payload strictly by the entity's types, runs the CQN on the application service as
 * the socket's user in one change set, acknowledges the result, and after a committed change
 * broadcasts {@code <Entity>:created|updated|deleted}.
 *
 * <p>Order of effects: commit, then acknowledgement, then broadcast. A failing call (CAP error,
 * rollback, or a handler that cancelled the change set) is acknowledged as an error in the Node
 * shape and broadcasts nothing. With kind ws there is no acknowledgement; the call and the
 * broadcast happen the same way.
 *
 * <p>Threading: runs on the calling thread, which must be allowed to block (database work).
 * Thread-safe.
 */
public final class EntityCallHandler {

  private final OperationInvoker invoker;
  private final CrudBroadcaster broadcaster;
  private final EntityStatements statements;

  /** A handler without query limits. */
  public EntityCallHandler(OperationInvoker invoker, CrudBroadcaster broadcaster) {
    this(invoker, broadcaster, QueryLimits.NONE);
  }

  /**
   * A handler that pages {@code :list} and {@code :readDeep} by CAP's query limits ({@code
   * cds.query.limit.*} of the environment and {@code @cds.query.limit} annotations).
   */
  public EntityCallHandler(
      OperationInvoker invoker, CrudBroadcaster broadcaster, CdsEnvironment environment) {
    this(invoker, broadcaster, QueryLimits.from(environment));
  }

  private EntityCallHandler(
      OperationInvoker invoker, CrudBroadcaster broadcaster, QueryLimits limits) {
    this.invoker = invoker;
    this.broadcaster = broadcaster;
    this.statements = new EntityStatements(limits);
  }

  /**
   * Handles the message if its event names an entity of the endpoint.
   *
   * @return {@code false} if the event is no entity event of the endpoint (nothing was done)
   */
  public boolean handle(
      ClientSession session, ServiceEndpoint endpoint, InboundMessage message, AckCallback ack) {
    Optional<EntityCall> resolved = EntityCall.resolve(endpoint, message.event());
    if (resolved.isEmpty()) {
      return false;
    }
    EntityCall call = resolved.get();
    Map<String, Object> data = message.data() == null ? Map.of() : message.data();
    AtomicBoolean committed = new AtomicBoolean();
    EntityStatements.Outcome outcome;
    try {
      outcome =
          invoker.run(
              session,
              endpoint,
              message.headers(),
              service -> {
                ChangeSetContext.getCurrent().register(new CommitListener(committed));
                return statements.run(service, call, data);
              });
    } catch (RuntimeException e) {
      CallFailures.report(e, call.name(), session, endpoint, ack);
      return true;
    }
    if (!committed.get() && call.action() != null && call.action().modifies()) {
      CallFailures.report(
          new ServiceException(ErrorStatuses.CONFLICT, "The change was rolled back"),
          call.name(),
          session,
          endpoint,
          ack);
      return true;
    }
    if (ack != null) {
      ack.success(outcome.ack());
    }
    if (outcome.row() != null && call.action() != null && call.action().modifies()) {
      broadcaster.broadcast(
          session, endpoint, call.entity(), call.action().broadcastSuffix(), outcome.row());
    }
    return true;
  }

  /** Records whether the change set was committed. */
  private record CommitListener(AtomicBoolean committed) implements ChangeSetListener {
    @Override
    public void afterClose(boolean completed) {
      committed.set(completed);
    }
  }
}
