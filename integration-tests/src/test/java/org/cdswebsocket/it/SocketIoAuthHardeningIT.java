package org.cdswebsocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.runtime.CdsRuntime;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.test.SocketIoTestClient;
import org.cdswebsocket.test.WsTestClient;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mock-user Basic on the Socket.IO port with the Java {@code io.socket} client: technical users and
 * empty passwords are refused although CAP's HTTP chain accepts them.
 */
@SocketIoKindTest
class SocketIoAuthHardeningIT {

  @Autowired CdsRuntime runtime;

  @Test
  void privilegedMockUserIsRefused() throws Exception {
    assertThat(outcome("root", "root")).isEqualTo("401");
  }

  @Test
  void emptyPasswordIsRefused() throws Exception {
    assertThat(outcome("nopass", "")).isEqualTo("401");
  }

  @Test
  void regularMockUserConnects() throws Exception {
    assertThat(outcome("alice", "alice")).isEqualTo("connected");
  }

  /** {@code connected}, or the message of the {@code connect_error}. */
  private String outcome(String user, String password) throws Exception {
    IO.Options options = new IO.Options();
    options.forceNew = true;
    options.reconnection = false;
    options.transports = new String[] {"websocket"};
    options.auth = Map.of("authorization", WsTestClient.basic(user, password));
    int port = SocketIoTestClient.port(runtime);
    Socket socket = IO.socket(URI.create("http://127.0.0.1:" + port + "/ws/main"), options);
    CompletableFuture<String> outcome = new CompletableFuture<>();
    socket.on(Socket.EVENT_CONNECT, args -> outcome.complete("connected"));
    socket.on(
        Socket.EVENT_CONNECT_ERROR,
        args ->
            outcome.complete(
                args.length > 0 && args[0] instanceof JSONObject o
                    ? o.optString("message")
                    : String.valueOf(args.length > 0 ? args[0] : null)));
    socket.connect();
    try {
      return outcome.get(10, TimeUnit.SECONDS);
    } finally {
      socket.close();
    }
  }
}
