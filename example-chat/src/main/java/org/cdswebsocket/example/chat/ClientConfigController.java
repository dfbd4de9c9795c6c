package org.cdswebsocket.example.chat;

import com.sap.cds.services.runtime.CdsRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the chat page which kind to speak: {@code GET /app/config.json}. Both kinds are served on
 * the app's own origin, so the page connects to the relative path ({@code io("/ws/chat")} or {@code
 * new WebSocket(location.host + "/ws/chat")}); no port, no ticket.
 */
@RestController
public class ClientConfigController {

  private final CdsRuntime runtime;

  public ClientConfigController(CdsRuntime runtime) {
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
    return config;
  }
}
