package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsBaseType;
import com.sap.cds.reflect.CdsParameter;
import com.sap.cds.reflect.CdsSimpleType;
import com.sap.cds.reflect.CdsType;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.format.Json;
import org.cdswebsocket.model.OperationDefinition;

/**
 * Converts JSON values sent by clients into the Java types CAP expects for an operation's
 * parameters, strictly: a string parameter must be sent as a string, an integer as an integral
 * number, and so on. Unknown parameters are refused, as CAP does for OData.
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
    CdsType type = parameter.getType();
    if (value == null || !type.isSimple()) {
      return value;
    }
    CdsSimpleType simple = type.as(CdsSimpleType.class);
    CdsBaseType base = simple.getType();
    try {
      return switch (base) {
        case STRING, LARGE_STRING, UUID, HANA_CHAR, HANA_NCHAR, HANA_VARCHAR, HANA_CLOB ->
            requireType(value, String.class, parameter, "a string");
        case BOOLEAN -> requireType(value, Boolean.class, parameter, "a boolean");
        case UINT8, INT16, INT32, INTEGER, INT64, INTEGER64, HANA_SMALLINT, HANA_TINYINT ->
            integral(value, simple.getJavaType(), parameter);
        case DECIMAL, DECIMAL_FLOAT, HANA_SMALLDECIMAL -> decimal(value, parameter);
        case DOUBLE, HANA_REAL -> decimal(value, parameter).doubleValue();
        case DATE, TIME, DATETIME, TIMESTAMP ->
            Json.mapper()
                .convertValue(
                    requireType(value, String.class, parameter, "an ISO-8601 string"),
                    simple.getJavaType());
        default -> value;
      };
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw invalid(parameter, "a valid " + base.cdsName());
    }
  }

  private static <T> T requireType(Object value, Class<T> type, CdsParameter p, String expected) {
    if (!type.isInstance(value)) {
      throw invalid(p, expected);
    }
    return type.cast(value);
  }

  private static Object integral(Object value, Class<?> javaType, CdsParameter p) {
    BigInteger integer;
    try {
      integer =
          value instanceof Number n
              ? new BigDecimal(n.toString()).toBigIntegerExact()
              : null;
    } catch (ArithmeticException e) {
      integer = null;
    }
    if (integer == null) {
      throw invalid(p, "an integer");
    }
    if (javaType == Long.class) {
      return integer.longValueExact();
    }
    if (javaType == Short.class) {
      return integer.shortValueExact();
    }
    return integer.intValueExact();
  }

  private static BigDecimal decimal(Object value, CdsParameter p) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw invalid(p, "a number");
      }
    }
    throw invalid(p, "a number");
  }

  private static ServiceException invalid(CdsParameter p, String expected) {
    return new ServiceException(
        ErrorStatuses.BAD_REQUEST, "Parameter \"{}\" must be {}", p.getName(), expected);
  }
}
