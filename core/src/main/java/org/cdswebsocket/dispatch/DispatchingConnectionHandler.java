package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.broadcast.PayloadComposer;
import org.cdswebsocket.broadcast.SessionRegistry;
import org.cdswebsocket.format.FormatException;
import org.cdswebsocket.format.InboundMessage;
import org.cdswebsocket.format.ParseRequest;
import org.cdswebsocket.model.OperationDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.model.WebSocketModel;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.ErrorPayload;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.spi.Json;
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
 * <p>Lifecycle operations {@code wsConnect} and {@code wsDisconnect} are called when the service
 * declares them; their failures are logged and do not close the session.
 */
public final class DispatchingConnectionHandler implements ConnectionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DispatchingConnectionHandler.class);

  private final WebSocketModel model;
  private final SessionRegistry registry;
  private final PayloadComposer composer;
  private final OperationInvoker invoker;
  private final EntityCallHandler entities;
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
    this.model = model;
    this.registry = registry;
    this.composer = composer;
    this.invoker = invoker;
    this.entities = entities;
    model
        .endpoints()
        .forEach(endpoint -> formatOperations.put(endpoint.path(), formatOperations(endpoint)));
  }

  @Override
  public void onOpen(ClientSession session) {
    ServiceEndpoint endpoint = endpointOf(session);
    if (endpoint == null) {
      session.close(CloseCode.POLICY_VIOLATION, "Unknown endpoint");
      return;
    }
    registry.add(session);
    LOG.debug(
        "Session {} of user {} opened at {}", session.id(), session.info().user(), endpoint.path());
    endpoint
        .lifecycleOperation(ServiceEndpoint.WS_CONNECT)
        .ifPresent(op -> runLifecycle(session, endpoint, op, Map.of()));
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
          e.getMessage());
      fail(ack, ErrorPayload.of(ErrorPayload.BAD_REQUEST, e.getMessage()));
      return;
    }
    if (ServiceEndpoint.WS_CONTEXT.equals(message.event())) {
      onContext(session, endpoint, message, ack);
      return;
    }
    if (entities != null && entities.handle(session, endpoint, message, ack)) {
      return;
    }
    Optional<OperationDefinition> operation = endpoint.operation(message.event());
    if (operation.isEmpty()) {
      LOG.warn(
          "Session {} at {} sent unknown event '{}'",
          session.id(),
          endpoint.path(),
          message.event());
      fail(ack, ErrorPayload.of(ErrorPayload.NOT_FOUND, "Unknown event '" + message.event() + "'"));
      return;
    }
    call(session, endpoint, operation.get(), message, ack);
  }

  private void onContext(
      ClientSession session, ServiceEndpoint endpoint, InboundMessage message, AckCallback ack) {
    ContextRequest.of(message.data()).applyTo(session);
    Optional<OperationDefinition> operation =
        endpoint.lifecycleOperation(ServiceEndpoint.WS_CONTEXT);
    if (operation.isPresent()) {
      call(session, endpoint, operation.get(), message, ack);
    } else if (ack != null) {
      ack.successWithoutResult();
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
    } catch (RuntimeException e) {
      CallFailures.report(e, operation.name(), session, endpoint, ack);
    }
  }

  @Override
  public void onClose(ClientSession session, String reason) {
    registry.remove(session);
    ServiceEndpoint endpoint = endpointOf(session);
    LOG.debug("Session {} closed: {}", session.id(), reason);
    if (endpoint == null) {
      return;
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
    } catch (RuntimeException e) {
      LOG.warn(
          "Operation {} of {} failed for session {}",
          operation.name(),
          endpoint.serviceName(),
          session.id(),
          e);
    }
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
