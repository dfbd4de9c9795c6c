package org.cdswebsocket.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sap.cds.services.ServiceException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QueryLimitsTest {

  @Test
  void withoutAnnotationsTheConfigurationApplies() {
    QueryLimits limits = new QueryLimits(0, 1000);

    assertThat(limits.top(null, null, null)).isEqualTo(1000);
    assertThat(limits.top(null, null, 20L)).isEqualTo(20);
    assertThat(limits.top(null, null, 5000L)).isEqualTo(1000);
    assertThat(new QueryLimits(50, 1000).top(null, null, null)).isEqualTo(50);
    assertThat(QueryLimits.NONE.top(null, null, null)).isZero();
    assertThat(QueryLimits.NONE.top(null, null, 7L)).isEqualTo(7);
  }

  @Test
  void pagingValuesMustBeNonNegativeIntegers() {
    assertThat(QueryLimits.paging(null, "$top")).isNull();
    assertThat(QueryLimits.paging(3, "$top")).isEqualTo(3);
    assertThat(QueryLimits.paging(new BigDecimal("3.0"), "$top")).isEqualTo(3);
    for (Object bad :
        new Object[] {-1, "3", 1.5, new BigDecimal("1e400000000"), Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> QueryLimits.paging(bad, "$top"))
          .as(String.valueOf(bad))
          .isInstanceOf(ServiceException.class);
    }
  }
}
