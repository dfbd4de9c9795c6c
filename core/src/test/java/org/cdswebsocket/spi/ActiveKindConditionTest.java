package org.cdswebsocket.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ActiveKindConditionTest {

  private static final class WsAdapter extends ActiveKindCondition {
    WsAdapter() {
      super(WebSocketKind.WS);
    }
  }

  private static final class SocketIoAdapter extends ActiveKindCondition {
    SocketIoAdapter() {
      super(WebSocketKind.SOCKET_IO);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "ws, true, false",
    "WS, true, false",
    "socket.io, false, true",
    "Socket-IO, false, true",
    "socketio, false, true"
  })
  void exactlyTheAdapterOfTheConfiguredKindMatchesInAnySpelling(
      String kind, boolean ws, boolean socketIo) {
    Map<String, Object> properties = Map.of("cds.websocket.kind", kind);
    assertThat(outcome(new WsAdapter(), properties).isMatch()).isEqualTo(ws);
    assertThat(outcome(new SocketIoAdapter(), properties).isMatch()).isEqualTo(socketIo);
  }

  @Test
  void anUnknownKindMatchesNoAdapterAndTheOutcomeNamesTheAcceptedKinds() {
    Map<String, Object> properties = Map.of("cds.websocket.kind", "sse");
    ConditionOutcome ws = outcome(new WsAdapter(), properties);
    assertThat(ws.isMatch()).isFalse();
    assertThat(ws.getMessage()).contains("sse").contains("socket.io");
    assertThat(outcome(new SocketIoAdapter(), properties).isMatch()).isFalse();
  }

  @Test
  void aDisabledLibraryMatchesNoAdapterWhateverItsKind() {
    Map<String, Object> properties =
        Map.of("cds.websocket.enabled", "false", "cds.websocket.kind", "ws");
    assertThat(outcome(new WsAdapter(), properties).isMatch()).isFalse();
    assertThat(outcome(new SocketIoAdapter(), properties).isMatch()).isFalse();
  }

  private static ConditionOutcome outcome(
      ActiveKindCondition condition, Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    ConditionContext context =
        (ConditionContext)
            Proxy.newProxyInstance(
                ActiveKindConditionTest.class.getClassLoader(),
                new Class<?>[] {ConditionContext.class},
                (proxy, method, args) ->
                    method.getName().equals("getEnvironment") ? environment : null);
    return condition.getMatchOutcome(context, null);
  }
}
