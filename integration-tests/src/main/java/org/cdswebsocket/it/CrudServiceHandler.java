package org.cdswebsocket.it;

import com.sap.cds.CdsData;
import com.sap.cds.Row;
import com.sap.cds.ql.Update;
import com.sap.cds.ql.cqn.CqnSelect;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.EventContext;
import com.sap.cds.services.ServiceException;
import com.sap.cds.services.cds.CdsCreateEventContext;
import com.sap.cds.services.cds.CqnService;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.After;
import com.sap.cds.services.handler.annotations.Before;
import com.sap.cds.services.handler.annotations.On;
import com.sap.cds.services.handler.annotations.ServiceName;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.WebSocketService;
import org.springframework.stereotype.Component;

/**
 * Handlers of the CRUD test service: bound operations that read their target row, a request header
 * that ends up in the data, and a failure after the insert that must roll it back.
 */
@Component
@ServiceName(CrudServiceHandler.SERVICE)
public class CrudServiceHandler implements EventHandler {

  static final String SERVICE = "CrudService";
  static final String HEADERS = SERVICE + ".Headers";

  /** A header name whose value becomes the description of a created row. */
  public static final String DESCRIPTION_HEADER = "x-description";

  /** Creating a row with this name fails after the insert. */
  public static final String ROLLBACK_NAME = "rollback";

  private final CdsRuntime runtime;

  public CrudServiceHandler(CdsRuntime runtime) {
    this.runtime = runtime;
  }

  @Before(event = CqnService.EVENT_CREATE, entity = HEADERS)
  public void describe(CdsCreateEventContext context, List<CdsData> rows) {
    String description = context.getParameterInfo().getHeader(DESCRIPTION_HEADER);
    if (description != null) {
      rows.forEach(row -> row.putIfAbsent("description", description));
    }
  }

  @After(event = CqnService.EVENT_CREATE, entity = HEADERS)
  public void failLate(List<CdsData> rows) {
    if (rows.stream().anyMatch(row -> ROLLBACK_NAME.equals(row.get("name")))) {
      throw new ServiceException(ErrorStatuses.CONFLICT, "Rolled back after insert");
    }
  }

  @On(event = "boundAction", entity = HEADERS)
  public void boundAction(EventContext context) {
    context.put("result", target(context).get("name") + ":" + context.get("text"));
    context.setCompleted();
  }

  @On(event = "boundFunction", entity = HEADERS)
  public void boundFunction(EventContext context) {
    context.put("result", target(context).get("name") + ":" + context.get("num"));
    context.setCompleted();
  }

  @On(event = "rename", entity = SERVICE + ".OwnHeaders")
  public void rename(EventContext context) {
    Row row = target(context);
    ((CqnService) context.getService())
        .run(
            Update.entity(SERVICE + ".OwnHeaders")
                .data("name", context.get("name"))
                .matching(Map.of("ID", row.get("ID"))));
    context.put("result", context.get("name"));
    context.setCompleted();
  }

  /**
   * Reports the target it was given, as acknowledgement and as event {@code targeted} to the
   * calling socket: {@code target:<ID>} for a real bound target, {@code replaced:<value>} if
   * anything else occupied the target key.
   */
  @On(event = "target", entity = HEADERS)
  public void reportTarget(EventContext context) {
    Object cqn = context.get("cqn");
    String result =
        cqn instanceof CqnSelect ? "target:" + target(context).get("ID") : "replaced:" + cqn;
    runtime
        .getServiceCatalog()
        .getService(WebSocketService.class, WebSocketService.DEFAULT_NAME)
        .facade()
        .ifPresent(socket -> socket.emit("targeted", Map.of("result", result), null));
    context.put("result", result);
    context.setCompleted();
  }

  private static Row target(EventContext context) {
    CqnSelect select = (CqnSelect) context.get("cqn");
    return ((CqnService) context.getService()).run(select).single();
  }
}
