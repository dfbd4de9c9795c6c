package org.cdswebsocket.ws.endpoint;

import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;
import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Captures, on the handshake thread, who connects: the CAP user of the upgrade request (which the
 * application's Spring Security / CAP filter chain has authenticated before the upgrade) and the
 * client identifier from {@code ?id=}. Both are stored in the per-session user properties that
 * Tomcat hands to {@link Endpoint#onOpen}.
 *
 * <p>Subprotocols ({@code Sec-WebSocket-Protocol}): when the client offers any, the first one the
 * endpoint's format claims (e.g. PCP's {@code v10.pcp.sap.com}) is selected, else the first one
 * offered is echoed, as the Node plugin does; browsers close a socket whose offered protocol is not
 * answered.
 *
 * <p>Threading: called by the container on the request thread of the upgrade.
 */
final class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

  static final String USER = "cds.websocket.user";
  static final String IDENTIFIER = "cds.websocket.identifier";

  private final CdsRuntime runtime;
  private final Endpoint endpoint;
  private final List<String> claimedSubprotocols;

  HandshakeConfigurator(CdsRuntime runtime, Endpoint endpoint, List<String> claimedSubprotocols) {
    this.runtime = runtime;
    this.endpoint = endpoint;
    this.claimedSubprotocols = List.copyOf(claimedSubprotocols);
  }

  @Override
  public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
    return negotiate(claimedSubprotocols, requested);
  }

  /** The claimed protocol the client offers, else the first offered one, else none ({@code ""}). */
  static String negotiate(List<String> claimed, List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return "";
    }
    return requested.stream().filter(claimed::contains).findFirst().orElse(requested.get(0));
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    UserInfo user = UpgradeUser.current(runtime);
    config.getUserProperties().put(USER, user);
    List<String> ids = request.getParameterMap().get("id");
    if (ids != null && !ids.isEmpty() && !ids.get(0).isEmpty()) {
      config.getUserProperties().put(IDENTIFIER, ids.get(0));
    }
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return endpointClass.cast(endpoint);
  }
}
