package org.cdswebsocket.example.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the chat page which kind to speak and where: {@code GET /app/config.json}. */
@RestController
public class ClientConfigController {

  private final Environment environment;

  public ClientConfigController(Environment environment) {
    this.environment = environment;
  }

  @GetMapping("/app/config.json")
  public Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("kind", environment.getProperty("cds.websocket.kind", "ws"));
    config.put("path", "/ws/chat");
    config.put("port", environment.getProperty("cds.websocket.port", Integer.class, 0));
    return config;
  }
}
