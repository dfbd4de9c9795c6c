package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsArrayedType;
import com.sap.cds.reflect.CdsBaseType;
import com.sap.cds.reflect.CdsElement;
import com.sap.cds.reflect.CdsSimpleType;
import com.sap.cds.reflect.CdsStructuredType;
import com.sap.cds.reflect.CdsType;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.spi.Json;

/**
 * Converts one JSON value sent by a client into the Java type CAP expects for a simple CDS type,
 * strictly: a string must be sent as a string, an integer as an integral number, a UUID as a
 * canonical UUID string, dates as ISO-8601 strings. Structured values (not associations) and {@code
 * many} values are converted member by member and item by item, so that no number reaches CAP
 * unchecked; association values are returned unchanged (callers that know the target convert them).
 *
 * <p>Errors are {@link ServiceException}s with status 400 naming the value ({@code Parameter "a"}
 * or {@code Property "stock"}) and the expected type. Stateless and thread-safe.
 */
final class ValueConverter {

  /**
   * The largest decimal exponent (in either direction) a decimal or double value may have: wider
   * than any database decimal (HANA: 38 digits, decimal128 floating: 6144) needs.
   */
  static final int MAX_DECIMAL_EXPONENT = 6144;

  private ValueConverter() {}

  /**
   * Converts a value.
   *
   * @param type the CDS type of the parameter or element
   * @param value the JSON value, may be {@code null}
   * @param what how errors name the value, e.g. {@code Parameter "a"}
   */
  static Object convert(CdsType type, Object value, String what) {
    if (value == null) {
      return null;
    }
    if (type.isArrayed()) {
      return array(type.as(CdsArrayedType.class).getItemsType(), value, what);
    }
    if (type.isStructured() && !type.isAssociation()) {
      return structure(type.as(CdsStructuredType.class), value, what);
    }
    if (!type.isSimple()) {
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
        case DECIMAL, DECIMAL_FLOAT, HANA_SMALLDECIMAL ->
            bounded(decimal(value, what), simple, what);
        case DOUBLE, HANA_REAL -> finite(decimal(value, what), what);
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

  /** A {@code many} value: every item converted by the items type. */
  private static List<Object> array(CdsType items, Object value, String what) {
    if (!(value instanceof Collection<?> many)) {
      throw invalid(what, "an array");
    }
    List<Object> converted = new ArrayList<>(many.size());
    for (Object item : many) {
      converted.add(convert(items, item, what));
    }
    return converted;
  }

  /** A structured value: every member converted by its element's type; unknown members refused. */
  private static Map<String, Object> structure(CdsStructuredType type, Object value, String what) {
    if (!(value instanceof Map<?, ?> members)) {
      throw invalid(what, "an object");
    }
    Map<String, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<?, ?> member : members.entrySet()) {
      String name = String.valueOf(member.getKey());
      CdsElement element =
          type.findElement(name)
              .orElseThrow(() -> invalid(what, "an object without member \"" + name + "\""));
      converted.put(name, convert(element.getType(), member.getValue(), what + "." + name));
    }
    return converted;
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

  /**
   * An integral number within the Java type's range. Never expands the number: the JDK's exact
   * conversions refuse values with more than 19 integer digits from precision and scale alone, so
   * {@code 1e400000000} costs no more than {@code 1}.
   */
  private static Object integral(Object value, Class<?> javaType, String what) {
    if (!(value instanceof Number n)) {
      throw invalid(what, "an integer");
    }
    long integer;
    try {
      integer = exactLong(n);
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(what, "an integer within the range of " + javaType.getSimpleName());
    }
    if (javaType == Long.class) {
      return integer;
    }
    long min = javaType == Short.class ? Short.MIN_VALUE : Integer.MIN_VALUE;
    long max = javaType == Short.class ? Short.MAX_VALUE : Integer.MAX_VALUE;
    if (integer < min || integer > max) {
      throw invalid(what, "an integer within the range of " + javaType.getSimpleName());
    }
    return javaType == Short.class ? (Object) (short) integer : (Object) (int) integer;
  }

  private static long exactLong(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new ArithmeticException("not finite");
      }
    }
    // BigDecimal.longValueExact checks precision - scale before computing anything
    return new BigDecimal(n.toString()).longValueExact();
  }

  /**
   * A decimal whose integer digits fit the declared precision and scale ({@code Decimal(p, s)}: at
   * most {@code p - s}), and, without a declared precision, whose magnitude stays within {@value
   * #MAX_DECIMAL_EXPONENT} decimal digits, so that nothing downstream expands an 11-byte value into
   * millions of digits.
   */
  private static BigDecimal bounded(BigDecimal number, CdsSimpleType type, String what) {
    long integerDigits = (long) number.precision() - number.scale();
    Integer precision = facet(type, "precision");
    Integer scale = facet(type, "scale");
    if (precision != null && precision > 0) {
      int allowed = precision - (scale == null ? 0 : Math.max(scale, 0));
      if (integerDigits > allowed && number.signum() != 0) {
        throw invalid(what, "a number with at most " + allowed + " integer digits");
      }
    }
    if (Math.abs(integerDigits) > MAX_DECIMAL_EXPONENT
        || Math.abs((long) number.scale()) > MAX_DECIMAL_EXPONENT) {
      throw invalid(what, "a number of at most " + MAX_DECIMAL_EXPONENT + " digits");
    }
    return number;
  }

  private static double finite(BigDecimal number, String what) {
    if (Math.abs((long) number.precision() - number.scale()) > MAX_DECIMAL_EXPONENT
        || Math.abs((long) number.scale()) > MAX_DECIMAL_EXPONENT) {
      throw invalid(what, "a finite number");
    }
    double d = number.doubleValue();
    if (!Double.isFinite(d)) {
      throw invalid(what, "a finite number");
    }
    return d;
  }

  private static Integer facet(CdsSimpleType type, String name) {
    try {
      Object value = type.get(name);
      return value instanceof Number n ? n.intValue() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static BigDecimal decimal(Object value, String what) {
    if (value instanceof Double d && !Double.isFinite(d)) {
      throw invalid(what, "a finite number");
    }
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
