package org.cdswebsocket.socketio.spring;

import com.sap.cds.services.request.RequestContext;
import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.Map;
import java.util.function.Supplier;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.cdswebsocket.spi.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ws-ticket}: issues a one-time Socket.IO ticket for the request's authenticated CAP
 * user, so that a page served by the app connects without handling a password or token.
 *
 * <pre>{@code
 * const { ticket } = await (await fetch("/ws-ticket")).json();
 * const socket = io("http://host:8081/ws/chat", { auth: { ticket } });
 * }</pre>
 *
 * <p>Responses: 200 {@code {"ticket":"..."}} (never cached); 401 when the request's CAP user is not
 * authenticated (an application that permits the path anonymously still gets no ticket); 503 while
 * the Socket.IO server is not running or too many tickets are outstanding. The user is resolved by
 * CAP's user providers from the request's authentication, exactly as for an OData request.
 */
@RestController
public class WebSocketTicketController {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketTicketController.class);

  private final Supplier<CdsRuntime> runtime;

  /**
   * @param runtime supplies the CAP runtime (looked up per request)
   */
  public WebSocketTicketController(Supplier<CdsRuntime> runtime) {
    this.runtime = runtime;
  }

  /** Issues a ticket for the current user. */
  @GetMapping(
      path = "${cds.websocket.ticket.endpoint.path:/ws-ticket}",
      produces = "application/json")
  public ResponseEntity<Map<String, Object>> ticket() {
    CdsRuntime cds = runtime.get();
    SocketIoServerHandle handle =
        cds.getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
    if (handle == null || !handle.isRunning()) {
      return error(HttpStatus.SERVICE_UNAVAILABLE, "The Socket.IO server is not running");
    }
    UserInfo user = cds.requestContext().run((RequestContext context) -> context.getUserInfo());
    if (user == null || !user.isAuthenticated() || user.getName() == null) {
      return error(HttpStatus.UNAUTHORIZED, "Not authenticated");
    }
    try {
      String ticket = handle.tickets().issue(user);
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noStore())
          .body(Map.of("ticket", ticket));
    } catch (IllegalStateException e) {
      LOG.warn("No websocket ticket for user {}: {}", LogSafe.text(user.getName()), e.getMessage());
      return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .body(Map.of("error", Map.of("code", status.value(), "message", message)));
  }
}
