package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsParameter;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cdswebsocket.model.OperationDefinition;

/**
 * Converts JSON values sent by clients into the Java types CAP expects for an operation's
 * parameters, strictly (see {@link ValueConverter}): a string parameter must be sent as a string,
 * an integer as an integral number, and so on. Unknown parameters are refused, as CAP does for
 * OData. Parameters named like the event-context keys CAP uses internally ({@value
 * EntityStatements#BOUND_TARGET_KEY}, the target of a bound operation, and {@code result}) are
 * refused, even if the operation declares them, so that a payload can never replace the target or
 * preset the result.
 *
 * <p>Errors are {@link ServiceException}s with status 400 that name the parameter and the expected
 * type; they reach the client as error acknowledgement. Stateless and thread-safe.
 */
public final class ParameterConverter {

  /** Event-context keys with a meaning to CAP that no client value may occupy. */
  static final Set<String> RESERVED = Set.of(EntityStatements.BOUND_TARGET_KEY, "result");

  /** Converts all parameters of one call. */
  public Map<String, Object> convert(OperationDefinition operation, Map<String, Object> data) {
    Map<String, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      if (RESERVED.contains(entry.getKey())) {
        throw new ServiceException(
            ErrorStatuses.BAD_REQUEST,
            "Parameter \"{}\" of {} is a reserved name and cannot be sent",
            entry.getKey(),
            operation.name());
      }
      CdsParameter parameter =
          operation.parameters().stream()
              .filter(p -> p.getName().equals(entry.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ServiceException(
                          ErrorStatuses.BAD_REQUEST,
                          "Property \"{}\" does not exist in {}",
                          entry.getKey(),
                          operation.name()));
      converted.put(entry.getKey(), convert(parameter, entry.getValue()));
    }
    return converted;
  }

  private static Object convert(CdsParameter parameter, Object value) {
    return ValueConverter.convert(
        parameter.getType(), value, "Parameter \"" + parameter.getName() + "\"");
  }
}
