package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import cds.gen.chatservice.ChatService_;
import cds.gen.chatservice.MessageContext;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.Before;
import com.sap.cds.services.handler.annotations.ServiceName;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.json.JSONObject;
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

  @Autowired CdsRuntime runtime;
  @Autowired SlowMessages slow;

  @Test
  void fullWorkerPoolRefusesCallsWith503() throws Exception {
    int port =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME)
            .port();
    try (SocketIoChatClient blocker = SocketIoChatClient.join(port, "websocket", "alice");
        SocketIoChatClient second = SocketIoChatClient.join(port, "websocket", "bob");
        SocketIoChatClient third = SocketIoChatClient.join(port, "websocket", "alice")) {
      CompletableFuture<Object[]> blocked =
          blocker.callAsync("message", new JSONObject(Map.of("text", SlowMessages.SLOW)));
      assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Object[]> a = second.callAsync("message", text("second"));
      CompletableFuture<Object[]> b = third.callAsync("message", text("third"));
      Object[] first = (Object[]) CompletableFuture.anyOf(a, b).get(10, TimeUnit.SECONDS);
      JSONObject error = ((JSONObject) first[0]).getJSONObject("error");
      assertThat(error.getInt("code")).isEqualTo(503);

      slow.release.countDown();
      assertThat(blocked.get(10, TimeUnit.SECONDS)[0]).isEqualTo(SlowMessages.SLOW);
      CompletableFuture<Object[]> queued = a.isDone() && a.getNow(null) == first ? b : a;
      assertThat(queued.get(10, TimeUnit.SECONDS)[0]).isIn("second", "third");
      assertThat(third.result("message", Map.of("text", "room again"))).isEqualTo("room again");
    } finally {
      slow.release.countDown();
    }
  }

  private static JSONObject text(String text) {
    return new JSONObject(Map.of("text", text));
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
