package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsOperation;
import com.sap.cds.services.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.authorization.ServiceAccess;
import org.cdswebsocket.broadcast.PayloadComposer;
import org.cdswebsocket.broadcast.SessionRegistry;
import org.cdswebsocket.format.FormatException;
import org.cdswebsocket.format.InboundMessage;
import org.cdswebsocket.format.ParseRequest;
import org.cdswebsocket.model.OperationDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.model.WebSocketModel;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.ErrorPayload;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.spi.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's {@link ConnectionHandler}: registers sessions, parses frames with the endpoint's format,
 * runs operations, entity events ({@code <Entity>:<action>}, see {@link EntityCallHandler}) and the
 * built-in {@code wsContext} event, and answers through the acknowledgement.
 *
 * <p>Outcomes of bad input, none of which closes the session: a frame the format cannot parse is
 * logged at WARN and acknowledged with code 400; an unknown event is logged and acknowledged with
 * code 404 (the Node plugin sends no acknowledgement, which leaves clients waiting for a timeout);
 * a CAP error (authorization, validation) is logged at INFO and acknowledged with CAP's code and
 * message. Unexpected failures are logged at ERROR and acknowledged with code 500. Kind ws has no
 * acknowledgements, so there the log is the outcome, as in Node.
 *
 * <p>Admission: a client whose user may not use the service ({@link ServiceAccess}), or whose
 * identifier is longer than {@link ClientLimits#maxIdentifierLength()}, is refused (see {@link
 * #refusal}) and, if the transport opened it anyway, closed with 1008 before it is registered. An
 * admitted session is registered for broadcasts before {@code wsConnect} (when modelled) runs, so
 * that it misses nothing sent right after connecting; a {@code wsConnect} failing with 401 or 403
 * deregisters it and closes it with 1008 (broadcasts emitted while that {@code wsConnect} ran may
 * have reached it), other failures are logged.
 *
 * <p>Contexts: a {@code wsContext} request is checked against the {@link ClientLimits} and applied
 * only after the service's {@code wsContext} operation (when modelled) succeeded.
 *
 * <p>No failure of a call, not even an {@link Error} of a handler, escapes to the transport thread:
 * it is logged and acknowledged with code 500. Client-supplied text is escaped in logs ({@link
 * LogSafe}).
 */
public final class DispatchingConnectionHandler implements ConnectionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DispatchingConnectionHandler.class);

  private final WebSocketModel model;
  private final SessionRegistry registry;
  private final PayloadComposer composer;
  private final OperationInvoker invoker;
  private final EntityCallHandler entities;
  private final Admission admission;
  private final ClientLimits limits;
  private final ParameterConverter converter = new ParameterConverter();
  private final Map<String, List<CdsOperation>> formatOperations = new java.util.HashMap<>();

  /** A handler without entity events: {@code <Entity>:<action>} events are unknown events. */
  public DispatchingConnectionHandler(
      WebSocketModel model,
      SessionRegistry registry,
      PayloadComposer composer,
      OperationInvoker invoker) {
    this(model, registry, composer, invoker, null);
  }

  /**
   * @param entities handles {@code <Entity>:<action>} events, or {@code null} to treat them as
   *     unknown events
   */
  public DispatchingConnectionHandler(
      WebSocketModel model,
      SessionRegistry registry,
      PayloadComposer composer,
      OperationInvoker invoker,
      EntityCallHandler entities) {
    this(model, registry, composer, invoker, entities, ServiceAccess.ALL, ClientLimits.DEFAULT);
  }

  /**
   * @param entities handles {@code <Entity>:<action>} events, or {@code null} to treat them as
   *     unknown events
   * @param access decides whether a client's user may use a service
   * @param limits bounds on contexts and identifiers
   */
  public DispatchingConnectionHandler(
      WebSocketModel model,
      SessionRegistry registry,
      PayloadComposer composer,
      OperationInvoker invoker,
      EntityCallHandler entities,
      ServiceAccess access,
      ClientLimits limits) {
    this.model = model;
    this.registry = registry;
    this.composer = composer;
    this.invoker = invoker;
    this.entities = entities;
    this.admission = new Admission(model, invoker, access, limits);
    this.limits = limits;
    model
        .endpoints()
        .forEach(endpoint -> formatOperations.put(endpoint.path(), formatOperations(endpoint)));
  }

  @Override
  public String refusal(ClientInfo client) {
    return admission.refusal(client);
  }

  @Override
  public void onOpen(ClientSession session) {
    ServiceEndpoint endpoint = endpointOf(session);
    if (endpoint == null) {
      session.close(CloseCode.POLICY_VIOLATION, "Unknown endpoint");
      return;
    }
    if (!admission.check(session)) {
      return; // no service access: never registered, never receives anything
    }
    // registered before wsConnect runs, so that no event sent right after connecting is missed
    registry.add(session);
    String refused = admission.connect(session, endpoint);
    if (refused != null) {
      registry.remove(session); // before the close, so that wsDisconnect does not run for it
      session.close(CloseCode.POLICY_VIOLATION, refused);
      return;
    }
    LOG.debug(
        "Session {} of user {} opened at {}",
        session.id(),
        LogSafe.text(session.info().user()),
        endpoint.path());
  }

  @Override
  public void onMessage(ClientSession session, InboundFrame frame, AckCallback ack) {
    ServiceEndpoint endpoint = endpointOf(session);
    if (endpoint == null || !session.isOpen()) {
      return;
    }
    InboundMessage message;
    try {
      message = parse(endpoint, frame);
    } catch (FormatException e) {
      LOG.warn(
          "Session {} at {} sent an invalid frame: {}",
          session.id(),
          endpoint.path(),
          LogSafe.text(e.getMessage()));
      fail(ack, ErrorPayload.of(ErrorPayload.BAD_REQUEST, e.getMessage()));
      return;
    }
    if (ServiceEndpoint.WS_CONTEXT.equals(message.event())) {
      onContext(session, endpoint, message, ack);
      return;
    }
    if (entities != null && handledAsEntityCall(session, endpoint, message, ack)) {
      return;
    }
    Optional<OperationDefinition> operation = endpoint.operation(message.event());
    if (operation.isEmpty()) {
      LOG.warn(
          "Session {} at {} sent unknown event {}",
          session.id(),
          endpoint.path(),
          LogSafe.text(message.event()));
      fail(ack, ErrorPayload.of(ErrorPayload.NOT_FOUND, "Unknown event '" + message.event() + "'"));
      return;
    }
    call(session, endpoint, operation.get(), message, ack);
  }

  private boolean handledAsEntityCall(
      ClientSession session, ServiceEndpoint endpoint, InboundMessage message, AckCallback ack) {
    try {
      return entities.handle(session, endpoint, message, ack);
    } catch (Throwable e) {
      CallFailures.report(e, message.event(), session, endpoint, ack);
      return true;
    }
  }

  private void onContext(
      ClientSession session, ServiceEndpoint endpoint, InboundMessage message, AckCallback ack) {
    ContextRequest request;
    try {
      request = ContextRequest.of(message.data() == null ? Map.of() : message.data());
      request.check(session.contexts(), limits);
    } catch (ServiceException e) {
      CallFailures.report(e, ServiceEndpoint.WS_CONTEXT, session, endpoint, ack);
      return;
    }
    Optional<OperationDefinition> operation =
        endpoint.lifecycleOperation(ServiceEndpoint.WS_CONTEXT);
    if (operation.isEmpty()) {
      request.applyTo(session);
      if (ack != null) {
        ack.successWithoutResult();
      }
      return;
    }
    Object result;
    try {
      Map<String, Object> parameters = converter.convert(operation.get(), message.data());
      result = invoker.invoke(session, endpoint, operation.get(), parameters, message.headers());
    } catch (Throwable e) {
      CallFailures.report(e, ServiceEndpoint.WS_CONTEXT, session, endpoint, ack);
      return;
    }
    request.applyTo(session);
    if (ack != null) {
      ack.success(Json.plain(result));
    }
  }

  private void call(
      ClientSession session,
      ServiceEndpoint endpoint,
      OperationDefinition operation,
      InboundMessage message,
      AckCallback ack) {
    try {
      Map<String, Object> parameters = converter.convert(operation, message.data());
      Object result = invoker.invoke(session, endpoint, operation, parameters, message.headers());
      if (ack != null) {
        ack.success(Json.plain(result));
      }
    } catch (Throwable e) {
      CallFailures.report(e, operation.name(), session, endpoint, ack);
    }
  }

  @Override
  public void onClose(ClientSession session, String reason) {
    boolean wasOpen = registry.remove(session);
    ServiceEndpoint endpoint = endpointOf(session);
    LOG.debug("Session {} closed: {}", session.id(), LogSafe.text(reason));
    if (endpoint == null || !wasOpen) {
      return; // refused at connect: wsDisconnect belongs to sessions that were admitted
    }
    endpoint
        .lifecycleOperation(ServiceEndpoint.WS_DISCONNECT)
        .ifPresent(
            op ->
                runLifecycle(
                    session,
                    endpoint,
                    op,
                    op.hasParameter("reason")
                        ? Map.of("reason", String.valueOf(reason))
                        : Map.of()));
  }

  @Override
  public void onError(ClientSession session, Throwable error) {
    LOG.debug("Transport error on session {}", session.id(), error);
  }

  private void runLifecycle(
      ClientSession session,
      ServiceEndpoint endpoint,
      OperationDefinition operation,
      Map<String, Object> data) {
    try {
      invoker.invoke(session, endpoint, operation, data, Map.of());
    } catch (Throwable e) {
      logLifecycleFailure(session, endpoint, operation, e);
    }
  }

  private static void logLifecycleFailure(
      ClientSession session,
      ServiceEndpoint endpoint,
      OperationDefinition operation,
      Throwable failure) {
    LOG.warn(
        "Operation {} of {} failed for session {}",
        operation.name(),
        endpoint.serviceName(),
        session.id(),
        failure);
  }

  /** The operations a format may map a message to: the callable ones and {@code wsContext}. */
  private static List<CdsOperation> formatOperations(ServiceEndpoint endpoint) {
    List<CdsOperation> operations = new ArrayList<>();
    endpoint.operations().values().forEach(op -> operations.add(op.definition()));
    endpoint
        .lifecycleOperation(ServiceEndpoint.WS_CONTEXT)
        .ifPresent(op -> operations.add(op.definition()));
    return List.copyOf(operations);
  }

  private InboundMessage parse(ServiceEndpoint endpoint, InboundFrame frame) {
    List<CdsOperation> operations = formatOperations.getOrDefault(endpoint.path(), List.of());
    Object payload = frame.text() != null ? frame.text() : frame.data();
    return composer
        .format(endpoint.format())
        .parse(
            new ParseRequest(
                composer.service(endpoint.serviceName()),
                operations,
                payload,
                frame.event(),
                frame.headers(),
                composer.kind()));
  }

  private ServiceEndpoint endpointOf(ClientSession session) {
    return model.endpoint(session.info().servicePath()).orElse(null);
  }

  private static void fail(AckCallback ack, Map<String, Object> error) {
    if (ack != null) {
      ack.failure(error);
    }
  }
}
