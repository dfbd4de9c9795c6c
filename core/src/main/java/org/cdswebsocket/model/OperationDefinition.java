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
 */
public record OperationDefinition(
    String name, CdsOperation definition, List<CdsParameter> parameters) {

  public OperationDefinition {
    parameters = List.copyOf(parameters);
  }

  /** Whether the operation declares a parameter of this name. */
  public boolean hasParameter(String parameter) {
    return parameters.stream().anyMatch(p -> p.getName().equals(parameter));
  }
}
