package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsBaseType;
import com.sap.cds.reflect.CdsSimpleType;
import com.sap.cds.reflect.CdsType;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;
import org.cdswebsocket.spi.Json;

/**
 * Converts one JSON value sent by a client into the Java type CAP expects for a simple CDS type,
 * strictly: a string must be sent as a string, an integer as an integral number, a UUID as a
 * canonical UUID string, dates as ISO-8601 strings. Structured and association values are returned
 * unchanged; callers that know the structure convert their members.
 *
 * <p>Errors are {@link ServiceException}s with status 400 naming the value ({@code Parameter "a"}
 * or {@code Property "stock"}) and the expected type. Stateless and thread-safe.
 */
final class ValueConverter {

  private ValueConverter() {}

  /**
   * Converts a value.
   *
   * @param type the CDS type of the parameter or element
   * @param value the JSON value, may be {@code null}
   * @param what how errors name the value, e.g. {@code Parameter "a"}
   */
  static Object convert(CdsType type, Object value, String what) {
    if (value == null || !type.isSimple()) {
      return value;
    }
    CdsSimpleType simple = type.as(CdsSimpleType.class);
    CdsBaseType base = simple.getType();
    try {
      return switch (base) {
        case STRING, LARGE_STRING, HANA_CHAR, HANA_NCHAR, HANA_VARCHAR, HANA_CLOB ->
            require(value, String.class, what, "a string");
        case UUID -> uuid(value, what);
        case BOOLEAN -> require(value, Boolean.class, what, "a boolean");
        case UINT8, INT16, INT32, INTEGER, INT64, INTEGER64, HANA_SMALLINT, HANA_TINYINT ->
            integral(value, simple.getJavaType(), what);
        case DECIMAL, DECIMAL_FLOAT, HANA_SMALLDECIMAL -> decimal(value, what);
        case DOUBLE, HANA_REAL -> decimal(value, what).doubleValue();
        case DATE, TIME, DATETIME, TIMESTAMP ->
            Json.mapper()
                .convertValue(
                    require(value, String.class, what, "an ISO-8601 string"), simple.getJavaType());
        default -> value;
      };
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw invalid(what, "a valid " + base.cdsName());
    }
  }

  private static <T> T require(Object value, Class<T> type, String what, String expected) {
    if (!type.isInstance(value)) {
      throw invalid(what, expected);
    }
    return type.cast(value);
  }

  private static String uuid(Object value, String what) {
    String text = require(value, String.class, what, "a UUID string");
    if (text.length() != 36 || !UUID.fromString(text).toString().equalsIgnoreCase(text)) {
      throw invalid(what, "a UUID string");
    }
    return text;
  }

  private static Object integral(Object value, Class<?> javaType, String what) {
    BigInteger integer;
    try {
      integer = value instanceof Number n ? new BigDecimal(n.toString()).toBigIntegerExact() : null;
    } catch (ArithmeticException | NumberFormatException e) {
      integer = null;
    }
    if (integer == null) {
      throw invalid(what, "an integer");
    }
    if (javaType == Long.class) {
      return integer.longValueExact();
    }
    if (javaType == Short.class) {
      return integer.shortValueExact();
    }
    return integer.intValueExact();
  }

  private static BigDecimal decimal(Object value, String what) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw invalid(what, "a number");
      }
    }
    throw invalid(what, "a number");
  }

  static ServiceException invalid(String what, String expected) {
    return new ServiceException(ErrorStatuses.BAD_REQUEST, "{} must be {}", what, expected);
  }
}
