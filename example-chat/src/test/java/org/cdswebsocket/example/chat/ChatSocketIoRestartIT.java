package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import org.cdswebsocket.test.SocketIoTestClient;
import org.cdswebsocket.test.SocketIoTestClient.Transport;
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
    try (SocketIoTestClient ws =
            reconnecting(port, Transport.WEBSOCKET).basic("alice", "alice").open();
        SocketIoTestClient polling =
            reconnecting(port, Transport.POLLING).basic("bob", "bob").open()) {
      ws.awaitConnected();
      polling.awaitConnected();
      ws.emitWithAck("message", Map.of("text", "before"));
      ChatSocketIoIT.assertReceived(ws, "before", "alice");
      ChatSocketIoIT.assertReceived(polling, "before", "alice");

      app.close();
      app = start(port);

      ws.awaitReconnected();
      polling.awaitReconnected();
      assertThat(polling.emitWithAck("message", Map.of("text", "after")).asText())
          .isEqualTo("after");
      ChatSocketIoIT.assertReceived(ws, "after", "bob");
    } finally {
      app.close();
    }
  }

  private static SocketIoTestClient.Builder reconnecting(int port, Transport transport) {
    return SocketIoTestClient.builder(port, "/ws/chat").transport(transport).reconnect(true);
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
