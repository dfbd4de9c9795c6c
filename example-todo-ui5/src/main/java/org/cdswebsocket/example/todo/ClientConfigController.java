package org.cdswebsocket.example.todo;

import com.sap.cds.services.runtime.CdsRuntime;
import java.util.Map;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the page where the Socket.IO server listens: {@code GET /app/config.json} returns {@code
 * {"namespace": "/ws/todo"}}: the page connects to it on its own origin ({@code io("/ws/todo")}),
 * so no port is needed.
 */
@RestController
public class ClientConfigController {

  /** The Socket.IO namespace of TodoService ({@code @path: 'todo'} under {@code /ws}). */
  static final String NAMESPACE = "/ws/todo";

  private final CdsRuntime runtime;

  public ClientConfigController(CdsRuntime runtime) {
    this.runtime = runtime;
  }

  /** The page's connection settings; 503 while the Socket.IO server is not running. */
  @GetMapping("/app/config.json")
  public ResponseEntity<Map<String, Object>> config() {
    SocketIoServerHandle socketIo =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
    if (socketIo == null || !socketIo.isRunning()) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("error", "The Socket.IO server is not running (cds.websocket.kind?)"));
    }
    return ResponseEntity.ok(Map.of("namespace", NAMESPACE)); // same origin: no port
  }
}
