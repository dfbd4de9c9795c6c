package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsAnnotatable;
import com.sap.cds.reflect.CdsAnnotation;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import com.sap.cds.services.environment.CdsEnvironment;
import com.sap.cds.services.environment.CdsProperties;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * CAP's query limits, applied to {@code <Entity>:list} and to the compositions {@code :readDeep}
 * expands, the way CAP's OData adapter pages: the entity's {@code @cds.query.limit} (or {@code
 * @cds.query.limit.default}) and {@code @cds.query.limit.max}, else the service's, else {@code
 * cds.query.limit.default} and {@code cds.query.limit.max} (CAP's defaults: none and 1000). A value
 * of 0 or less means "no limit". Without a default, the maximum is the default. A requested {@code
 * $top} above the maximum is cut to the maximum.
 *
 * @param configuredDefault {@code cds.query.limit.default}
 * @param configuredMax {@code cds.query.limit.max}
 */
record QueryLimits(int configuredDefault, int configuredMax) {

  /** No limits at all (tests). */
  static final QueryLimits NONE = new QueryLimits(0, 0);

  private static final String DEFAULT = "cds.query.limit.default";
  private static final String SHORT_DEFAULT = "cds.query.limit";
  private static final String MAX = "cds.query.limit.max";

  /** Reads {@code cds.query.limit.*}. */
  static QueryLimits from(CdsEnvironment environment) {
    CdsProperties.Query.Limit limit = environment.getCdsProperties().getQuery().getLimit();
    return new QueryLimits(limit.getDefault(), limit.getMax());
  }

  /**
   * The number of rows to read.
   *
   * @param entity the entity read
   * @param service its service, or {@code null}
   * @param requested the client's {@code $top}, or {@code null}
   * @return the row limit, or 0 for no limit
   */
  long top(CdsAnnotatable entity, CdsAnnotatable service, Long requested) {
    long max = first(entity, service, configuredMax, MAX);
    long fallback = first(entity, service, configuredDefault, DEFAULT, SHORT_DEFAULT);
    long wanted = requested != null ? requested : fallback > 0 ? fallback : max;
    if (max > 0 && (wanted <= 0 || wanted > max)) {
      return max;
    }
    return Math.max(wanted, 0);
  }

  /** The largest number of rows one expanded composition may carry, or 0 for no limit. */
  long expandMax(CdsAnnotatable target) {
    return first(target, null, configuredMax, MAX);
  }

  /**
   * Reads a paging value ({@code $top}, {@code $skip}) of a payload.
   *
   * @return the value, or {@code null} if absent
   * @throws ServiceException 400 unless it is a non-negative integer within {@code int} range
   */
  static Long paging(Object value, String name) {
    if (value == null) {
      return null;
    }
    long number;
    try {
      // longValueExact refuses huge exponents from precision and scale alone, without expanding
      number = value instanceof Number n ? new BigDecimal(n.toString()).longValueExact() : -1;
    } catch (ArithmeticException | NumberFormatException e) {
      number = -1;
    }
    if (number < 0 || number > Integer.MAX_VALUE) {
      throw new ServiceException(
          ErrorStatuses.BAD_REQUEST, "{} must be a non-negative integer", name);
    }
    return number;
  }

  private static long first(
      CdsAnnotatable entity, CdsAnnotatable service, int configured, String... names) {
    for (CdsAnnotatable target : new CdsAnnotatable[] {entity, service}) {
      if (target == null) {
        continue;
      }
      for (String name : names) {
        Optional<Long> value = number(target, name);
        if (value.isPresent()) {
          return value.get();
        }
      }
    }
    return configured;
  }

  private static Optional<Long> number(CdsAnnotatable target, String name) {
    return target
        .findAnnotation(name)
        .map(CdsAnnotation::getValue)
        .filter(Number.class::isInstance)
        .map(v -> ((Number) v).longValue());
  }
}
