package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.runtime.CdsRuntime;
import java.util.Map;
import org.cdswebsocket.it.client.AckRecorder;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.testing.TestClientSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Core's dispatch against the real CAP runtime, with an in-memory session instead of a transport:
 * acknowledgement payloads for results and each kind of error.
 */
@SpringBootTest
class CoreDispatchIT {

  @Autowired CdsRuntime cdsRuntime;

  TransportContext runtime;
  TestClientSession alice;
  TestClientSession bob;

  @BeforeEach
  void connect() {
    runtime = TransportContext.of(cdsRuntime).orElseThrow();
    alice = TestClientSession.of("alice", "t1", "/ws/main", "admin");
    bob = TestClientSession.of("bob", "t1", "/ws/main");
    runtime.connectionHandler().onOpen(alice);
    runtime.connectionHandler().onOpen(bob);
  }

  private AckRecorder.Ack call(TestClientSession session, String event, Object data)
      throws Exception {
    AckRecorder ack = new AckRecorder();
    runtime.connectionHandler().onMessage(session, InboundFrame.event(event, data, Map.of()), ack);
    return ack.get();
  }

  @Test
  void resultComesBackInTheAcknowledgement() throws Exception {
    assertThat(call(alice, "echo", Map.of("text", "hi")))
        .isEqualTo(new AckRecorder.Ack(true, "hi"));
    assertThat(call(alice, "sum", Map.of("a", 2, "b", 3))).isEqualTo(new AckRecorder.Ack(true, 5));
  }

  @Test
  void capErrorKeepsCodeAndMessage() throws Exception {
    assertThat(call(alice, "fail", Map.of("message", "broken")))
        .isEqualTo(
            new AckRecorder.Ack(false, Map.of("error", Map.of("code", 409, "message", "broken"))));
  }

  @Test
  void forbiddenCallIsRefusedWith403() throws Exception {
    AckRecorder.Ack ack = call(bob, "adminOnly", Map.of());

    assertThat(ack.success()).isFalse();
    assertThat(ack.value().toString()).contains("code=403");
    assertThat(call(alice, "adminOnly", Map.of())).isEqualTo(new AckRecorder.Ack(true, "secret"));
  }

  @Test
  void unknownEventAndWrongTypesAreClientErrors() throws Exception {
    assertThat(call(alice, "nope", Map.of()).value().toString()).contains("code=404");
    assertThat(call(alice, "sum", Map.of("a", "two", "b", 3)).value().toString())
        .contains("code=400", "Parameter \"a\" must be an integer");
    assertThat(call(alice, "sum", "not an object").value().toString()).contains("code=400");
  }
}
