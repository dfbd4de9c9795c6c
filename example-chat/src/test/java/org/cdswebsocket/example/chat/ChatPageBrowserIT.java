package org.cdswebsocket.example.chat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat page in real headless Chromium over both kinds: kind ws (browser {@code WebSocket},
 * credentials in the development cookie) and kind socket.io ({@code socket.io-client} served by the
 * app, credentials in the auth payload).
 */
class ChatPageBrowserIT {

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  class KindWs {
    @LocalServerPort int port;

    @Test
    void twoBrowsersChat() throws Exception {
      ChatPageScript.run(port, "ws");
    }
  }

  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {"cds.websocket.kind=socket.io"})
  class KindSocketIo {
    @LocalServerPort int port;

    @Test
    void twoBrowsersChat() throws Exception {
      ChatPageScript.run(port, "socket.io");
    }
  }
}
