package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsParameter;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.model.OperationDefinition;

/**
 * Converts JSON values sent by clients into the Java types CAP expects for an operation's
 * parameters, strictly (see {@link ValueConverter}): a string parameter must be sent as a string,
 * an integer as an integral number, and so on. Unknown parameters are refused, as CAP does for
 * OData.
 *
 * <p>Errors are {@link ServiceException}s with status 400 that name the parameter and the expected
 * type; they reach the client as error acknowledgement. Stateless and thread-safe.
 */
public final class ParameterConverter {

  /** Converts all parameters of one call. */
  public Map<String, Object> convert(OperationDefinition operation, Map<String, Object> data) {
    Map<String, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : data.entrySet()) {
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
