package org.cdswebsocket.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import java.util.stream.Stream;
import org.cdswebsocket.test.SocketIoTestClient;
import org.cdswebsocket.test.SocketIoTestClient.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Socket.IO clients with reconnection enabled (the client default) come back by themselves when the
 * whole CAP application restarts on the same Socket.IO port, over websocket and long-polling, on
 * the app's own port (the default) and on a standalone port.
 *
 * <p>Both clients here are Java {@code io.socket} clients; the one over websocket uses OkHttp,
 * which stops reading after a server's close frame until its own answer, so on the app's port the
 * server ends websockets at stop without a close frame (their TCP connections end with the
 * container).
 */
class ChatSocketIoRestartIT {

  @ParameterizedTest(name = "standalone port: {0}")
  @ValueSource(booleans = {false, true})
  void clientsReconnectAndReceiveAfterTheAppRestarts(boolean standalone) throws Exception {
    int port = freePort();
    ConfigurableApplicationContext app = start(port, standalone);
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
      app = start(port, standalone);

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

  /**
   * Starts the chat app with Socket.IO on {@code socketIoPort}: the app's own port, or a standalone
   * one beside a random HTTP port. Command-line arguments, as application.yaml says kind ws.
   */
  private static ConfigurableApplicationContext start(int socketIoPort, boolean standalone) {
    String[] ports =
        standalone
            ? new String[] {"--server.port=0", "--cds.websocket.port=" + socketIoPort}
            : new String[] {"--server.port=" + socketIoPort};
    return new SpringApplicationBuilder(ChatApplication.class)
        .run(
            Stream.concat(
                    Stream.of("--spring.jmx.enabled=false", "--cds.websocket.kind=socket.io"),
                    Stream.of(ports))
                .toArray(String[]::new));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
