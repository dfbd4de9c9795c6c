package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import cds.gen.chatservice.ChatService_;
import cds.gen.chatservice.MessageContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.Before;
import com.sap.cds.services.handler.annotations.ServiceName;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.test.SocketIoTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A saturated worker pool ({@code workerThreads: 1}, {@code workerQueueSize: 1}) refuses further
 * calls with the error acknowledgement 503 instead of queueing without bound, and serves again once
 * it has room. Deterministic: one call blocks the only worker until the test releases it, a second
 * call takes the only queue slot, so the third is refused; which of the last two sockets gets which
 * outcome is left open, as both send concurrently.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.websocket.kind=socket.io",
      "cds.websocket.port=0",
      "cds.websocket.options.workerThreads=1",
      "cds.websocket.options.workerQueueSize=1"
    })
@Import(ChatSocketIoWorkerPoolIT.SlowMessages.class)
class ChatSocketIoWorkerPoolIT {

  private static final String CHAT = "/ws/chat";

  @Autowired CdsRuntime runtime;
  @Autowired SlowMessages slow;

  @Test
  void fullWorkerPoolRefusesCallsWith503() throws Exception {
    int port = SocketIoTestClient.port(runtime);
    try (SocketIoTestClient blocker = SocketIoTestClient.connect(port, CHAT, "alice", null);
        SocketIoTestClient second = SocketIoTestClient.connect(port, CHAT, "bob", null);
        SocketIoTestClient third = SocketIoTestClient.connect(port, CHAT, "alice", null)) {
      CompletableFuture<List<JsonNode>> blocked =
          blocker.emitAsync("message", Map.of("text", SlowMessages.SLOW));
      assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<List<JsonNode>> a = second.emitAsync("message", text("second"));
      CompletableFuture<List<JsonNode>> b = third.emitAsync("message", text("third"));
      Object first = CompletableFuture.anyOf(a, b).get(10, TimeUnit.SECONDS);
      JsonNode refusal = (JsonNode) ((List<?>) first).get(0);
      assertThat(refusal.path("error").path("code").asInt()).isEqualTo(503);

      slow.release.countDown();
      assertThat(blocked.get(10, TimeUnit.SECONDS).get(0).asText()).isEqualTo(SlowMessages.SLOW);
      CompletableFuture<List<JsonNode>> queued = a.isDone() && a.getNow(null) == first ? b : a;
      assertThat(queued.get(10, TimeUnit.SECONDS).get(0).asText()).isIn("second", "third");
      assertThat(third.emitWithAck("message", Map.of("text", "room again")).asText())
          .isEqualTo("room again");
    } finally {
      slow.release.countDown();
    }
  }

  private static Map<String, String> text(String text) {
    return Map.of("text", text);
  }

  /** Holds the {@code message} call with text {@code slow} until the test releases it. */
  @TestConfiguration
  @ServiceName(ChatService_.CDS_NAME)
  static class SlowMessages implements EventHandler {
    static final String SLOW = "slow";
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Before(event = MessageContext.CDS_NAME)
    public void hold(MessageContext context) throws InterruptedException {
      if (SLOW.equals(context.getText())) {
        entered.countDown();
        release.await(10, TimeUnit.SECONDS);
      }
    }
  }
}
