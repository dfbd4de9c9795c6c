package org.cdswebsocket.model;

import com.sap.cds.reflect.CdsOperation;
import com.sap.cds.reflect.CdsParameter;
import java.util.List;

/**
 * An unbound action or function that clients may call by sending an event of the same name.
 *
 * @param name the operation's local name, which is the event name on the wire
 * @param definition the CDS definition
 * @param parameters the parameters clients may pass, without those annotated {@code @ws.ignore}
 * @param serviceName the qualified name of the service that runs it, or {@code null} for the
 *     endpoint's own service (a mixin operation of another service names its service)
 */
public record OperationDefinition(
    String name, CdsOperation definition, List<CdsParameter> parameters, String serviceName) {

  public OperationDefinition {
    parameters = List.copyOf(parameters);
  }

  /** An operation of the endpoint's own service. */
  public OperationDefinition(String name, CdsOperation definition, List<CdsParameter> parameters) {
    this(name, definition, parameters, null);
  }

  /** Whether the operation declares a parameter of this name. */
  public boolean hasParameter(String parameter) {
    return parameters.stream().anyMatch(p -> p.getName().equals(parameter));
  }

  /** The service that runs it: its own, else the endpoint's. */
  public String serviceOr(String endpointService) {
    return serviceName == null ? endpointService : serviceName;
  }
}
