package org.cdswebsocket.dispatch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sap.cds.services.ServiceException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContextRequestTest {

  private final ClientLimits limits = new ClientLimits(3, 5, 10);

  @Test
  void aRequestBeyondTheCountIsRefused() {
    ContextRequest request = ContextRequest.of(Map.of("contexts", List.of("a", "b")));

    assertThatCode(() -> request.check(Set.of("a"), limits)).doesNotThrowAnyException();
    assertThatThrownBy(() -> request.check(Set.of("x", "y"), limits))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("at most 3 contexts");
  }

  @Test
  void resetAndExitCountAsTheyWillEnd() {
    Set<String> full = Set.of("x", "y", "z");
    assertThatCode(
            () ->
                ContextRequest.of(Map.of("context", List.of("a", "b"), "reset", true))
                    .check(full, limits))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> ContextRequest.of(Map.of("context", "x", "exit", true)).check(full, limits))
        .doesNotThrowAnyException();
  }

  @Test
  void aLongNameIsRefused() {
    assertThatThrownBy(() -> ContextRequest.of(Map.of("context", "123456")).check(Set.of(), limits))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("5 characters");
  }

  @Test
  void defaultsAllowAHundredContexts() {
    List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "c" + i).toList();
    assertThatCode(
            () ->
                ContextRequest.of(Map.of("contexts", hundred))
                    .check(Set.of(), ClientLimits.DEFAULT))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                ContextRequest.of(Map.of("contexts", hundred))
                    .check(Set.of("one more"), ClientLimits.DEFAULT))
        .isInstanceOf(ServiceException.class);
  }
}
