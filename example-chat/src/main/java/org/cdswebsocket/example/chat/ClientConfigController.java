package org.cdswebsocket.example.chat;

import com.sap.cds.services.runtime.CdsRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the chat page which kind to speak and where: {@code GET /app/config.json}. For kind
 * socket.io the port is the one the Socket.IO server is bound to (also with {@code
 * cds.websocket.port: 0}), and {@code ticket} names the endpoint that issues connection tickets.
 */
@RestController
public class ClientConfigController {

  private final Environment environment;
  private final CdsRuntime runtime;

  public ClientConfigController(Environment environment, CdsRuntime runtime) {
    this.environment = environment;
    this.runtime = runtime;
  }

  @GetMapping("/app/config.json")
  public Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    SocketIoServerHandle socketIo =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
    config.put("kind", socketIo == null ? "ws" : "socket.io");
    config.put("path", "/ws/chat");
    config.put("port", socketIo == null ? 0 : socketIo.port());
    if (socketIo != null) {
      config.put(
          "ticket",
          environment
              .getProperty("cds.websocket.ticket.endpoint.path", "/ws-ticket")
              .replaceFirst("^/", ""));
    }
    return config;
  }
}
