package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import org.cdswebsocket.example.chat.SocketIoChatClient.Auth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Socket.IO clients with reconnection enabled (the client default) come back by themselves when the
 * whole CAP application restarts on the same Socket.IO port, over websocket and long-polling.
 */
class ChatSocketIoRestartIT {

  @Test
  void clientsReconnectAndReceiveAfterTheAppRestarts() throws Exception {
    int port = freePort();
    ConfigurableApplicationContext app = start(port);
    String chat = SocketIoChatClient.url(port, "/ws/chat");
    try (SocketIoChatClient ws =
            SocketIoChatClient.open(chat, "websocket", Auth.basic("alice", "alice"), true);
        SocketIoChatClient polling =
            SocketIoChatClient.open(chat, "polling", Auth.basic("bob", "bob"), true)) {
      ws.awaitConnected();
      polling.awaitConnected();
      ws.result("message", Map.of("text", "before"));
      ChatSocketIoIT.assertReceived(ws, "before", "alice");
      ChatSocketIoIT.assertReceived(polling, "before", "alice");

      app.close();
      app = start(port);

      ws.awaitReconnected();
      polling.awaitReconnected();
      assertThat(polling.result("message", Map.of("text", "after"))).isEqualTo("after");
      ChatSocketIoIT.assertReceived(ws, "after", "bob");
    } finally {
      app.close();
    }
  }

  /** Starts the chat app; command-line arguments, as application.yaml says kind ws. */
  private static ConfigurableApplicationContext start(int socketIoPort) {
    return new SpringApplicationBuilder(ChatApplication.class)
        .run(
            "--server.port=0",
            "--spring.jmx.enabled=false",
            "--cds.websocket.kind=socket.io",
            "--cds.websocket.port=" + socketIoPort);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
