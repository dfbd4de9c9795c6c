package org.cdswebsocket.dispatch;

import com.sap.cds.services.ServiceException;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.authorization.ServiceAccess;
import org.cdswebsocket.model.OperationDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.model.WebSocketModel;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a client may connect to an endpoint and stay: the endpoint exists, the identifier
 * is within {@link ClientLimits#maxIdentifierLength()}, the user may use the service ({@link
 * ServiceAccess}), and the service's {@code wsConnect} operation (when modelled) does not refuse
 * with 401 or 403. The caller closes a refused session with {@link CloseCode#POLICY_VIOLATION}.
 *
 * <p>Runs on the connecting thread, which may block (authorization, {@code wsConnect}). Stateless
 * apart from its collaborators; thread-safe.
 */
final class Admission {

  private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

  private final WebSocketModel model;
  private final OperationInvoker invoker;
  private final ServiceAccess access;
  private final ClientLimits limits;

  Admission(
      WebSocketModel model, OperationInvoker invoker, ServiceAccess access, ClientLimits limits) {
    this.model = model;
    this.invoker = invoker;
    this.access = access;
    this.limits = limits;
  }

  /**
   * The refusal of a client before anything runs for it.
   *
   * @return {@code null} to admit, else {@code "404"}, {@code "400"} or {@code "403"}
   */
  String refusal(ClientInfo client) {
    ServiceEndpoint endpoint = model.endpoint(client.servicePath()).orElse(null);
    if (endpoint == null) {
      return "404";
    }
    if (client.identifier() != null
        && client.identifier().length() > limits.maxIdentifierLength()) {
      LOG.info(
          "Client of user {} at {} refused: identifier longer than {} characters",
          LogSafe.text(client.user()),
          endpoint.path(),
          limits.maxIdentifierLength());
      return "400";
    }
    if (!access.mayUse(client, endpoint.serviceName())) {
      LOG.info(
          "Client of user {} refused at {}: no access to service {}",
          LogSafe.text(client.user()),
          endpoint.path(),
          endpoint.serviceName());
      return "403";
    }
    return null;
  }

  /**
   * Closes a session that {@link #refusal} refuses.
   *
   * @return whether the session may stay
   */
  boolean check(ClientSession session) {
    String refused = refusal(session.info());
    if (refused != null) {
      session.close(CloseCode.POLICY_VIOLATION, refused.equals("403") ? "Forbidden" : refused);
      return false;
    }
    return true;
  }

  /**
   * Runs the service's {@code wsConnect} operation, if modelled. Failures other than 401 and 403
   * are logged and keep the session.
   *
   * @return the close reason if {@code wsConnect} refused with 401 or 403, else {@code null}
   */
  String connect(ClientSession session, ServiceEndpoint endpoint) {
    Optional<OperationDefinition> wsConnect =
        endpoint.lifecycleOperation(ServiceEndpoint.WS_CONNECT);
    return wsConnect.isEmpty() ? null : connect(session, endpoint, wsConnect.get());
  }

  private String connect(
      ClientSession session, ServiceEndpoint endpoint, OperationDefinition operation) {
    try {
      invoker.invoke(session, endpoint, operation, Map.of(), Map.of());
      return null;
    } catch (ServiceException e) {
      int status = e.getErrorStatus().getHttpStatus();
      if (status == 401 || status == 403) {
        LOG.info(
            "wsConnect of {} refused user {} ({}); closing session {}",
            endpoint.serviceName(),
            LogSafe.text(session.info().user()),
            status,
            session.id());
        return status == 401 ? "Unauthorized" : "Forbidden";
      }
      LOG.warn("wsConnect of {} failed for session {}", endpoint.serviceName(), session.id(), e);
      return null;
    } catch (Throwable e) {
      LOG.warn("wsConnect of {} failed for session {}", endpoint.serviceName(), session.id(), e);
      return null;
    }
  }
}
