package org.cdswebsocket.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FilterValuesTest {

  @Test
  void datesObjectsAndScalarsBecomeNodeStrings() {
    Date date = Date.from(Instant.parse("2024-01-31T12:00:00Z"));
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");

    assertThat(
            FilterValues.normalise(
                List.of(
                    date,
                    Map.of("a", 1),
                    1.0,
                    new BigDecimal("2.50"),
                    7,
                    true,
                    id,
                    LocalDate.parse("2024-02-01"))))
        .containsExactly(
            "2024-01-31T12:00:00.000Z",
            "{\"a\":1}",
            "1",
            "2.5",
            "7",
            "true",
            "00000000-0000-0000-0000-000000000001",
            "2024-02-01");
  }

  @Test
  void arraysAreFlattenedNullsDroppedAndDuplicatesRemoved() {
    assertThat(
            FilterValues.normalise(
                Arrays.asList("a", null, List.of("b", List.of("a")), new String[] {"c", "b"})))
        .containsExactly("a", "b", "c");
    assertThat(FilterValues.normalise(null)).isEmpty();
    assertThat(FilterValues.normalise(List.of())).isEmpty();
  }

  @Test
  void truthinessFollowsJavaScript() {
    assertThat(FilterValues.isTruthy(null)).isFalse();
    assertThat(FilterValues.isTruthy(false)).isFalse();
    assertThat(FilterValues.isTruthy("")).isFalse();
    assertThat(FilterValues.isTruthy(0)).isFalse();
    assertThat(FilterValues.isTruthy(0.0)).isFalse();
    assertThat(FilterValues.isTruthy(Double.NaN)).isFalse();
    assertThat(FilterValues.isTruthy("false")).isTrue();
    assertThat(FilterValues.isTruthy(List.of())).isTrue();
    assertThat(FilterValues.isTruthy(2)).isTrue();
  }
}
