package org.cdswebsocket.dispatch;

import com.sap.cds.services.EventContext;
import com.sap.cds.services.cds.ApplicationService;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.cdswebsocket.model.OperationDefinition;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.recipients.EmitHeaders;
import org.cdswebsocket.spi.ClientSession;

/**
 * Runs one operation of a CAP application service as the socket's user, in its own change set.
 *
 * <p>The socket's CAP {@code UserInfo} becomes the user of a fresh request context, so CAP's
 * authorization ({@code @requires}, {@code @restrict}) and tenant isolation apply exactly as for
 * HTTP. Inbound message headers become request headers, except {@code x-ws-*} / {@code
 * x-websocket-*} ones: those steer the recipients of events emitted while serving an HTTP request,
 * and a socket client must not choose who receives what its call emits. A failing handler rolls the
 * change set back; its {@code ServiceException} propagates to the caller.
 *
 * <p>Threading: runs on the calling thread, which must be allowed to block (database work).
 */
public final class OperationInvoker {

  private final CdsRuntime runtime;

  public OperationInvoker(CdsRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Calls the operation and returns its result (the event context's {@code result}).
   *
   * @param parameters the converted parameters
   * @param headers inbound headers, set as request headers
   */
  public Object invoke(
      ClientSession session,
      ServiceEndpoint endpoint,
      OperationDefinition operation,
      Map<String, Object> parameters,
      Map<String, Object> headers) {
    return run(
        session,
        operation.serviceOr(endpoint.serviceName()),
        headers,
        service -> {
          EventContext call = EventContext.create(operation.name(), null);
          parameters.forEach(call::put); // reserved names were refused by ParameterConverter
          service.emit(call);
          return call.get("result");
        });
  }

  /**
   * Runs {@code work} on the endpoint's application service as the socket's user, in one change
   * set, with the socket as {@link CurrentSession}. Returns when the change set is closed: a normal
   * return means it was committed unless a handler marked it for cancellation.
   *
   * @param headers inbound headers, set as request headers
   * @param work the CAP calls, given the application service
   */
  public <T> T run(
      ClientSession session,
      ServiceEndpoint endpoint,
      Map<String, Object> headers,
      Function<ApplicationService, T> work) {
    return run(session, endpoint.serviceName(), headers, work);
  }

  /** Like {@link #run(ClientSession, ServiceEndpoint, Map, Function)} on the named service. */
  private <T> T run(
      ClientSession session,
      String serviceName,
      Map<String, Object> headers,
      Function<ApplicationService, T> work) {
    ApplicationService service =
        runtime.getServiceCatalog().getService(ApplicationService.class, serviceName);
    if (service == null) {
      throw new IllegalStateException("Service " + serviceName + " is not running");
    }
    Map<String, String> requestHeaders = new LinkedHashMap<>();
    headers.forEach(
        (k, v) -> {
          if (k != null && !EmitHeaders.isRecipientHeader(k)) {
            requestHeaders.put(k, v == null ? null : String.valueOf(v));
          }
        });
    return runtime
        .requestContext()
        .user(session.info().userInfo())
        .modifyParameters(p -> p.setHeaders(requestHeaders))
        .run(
            requestContext -> {
              return runtime
                  .changeSetContext()
                  .run(
                      changeSet -> {
                        return CurrentSession.call(session, () -> work.apply(service));
                      });
            });
  }
}
