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
 * <p>Threading: called by the container on the request thread of the upgrade.
 */
final class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

  static final String USER = "cds.websocket.user";
  static final String IDENTIFIER = "cds.websocket.identifier";

  private final CdsRuntime runtime;
  private final Endpoint endpoint;

  HandshakeConfigurator(CdsRuntime runtime, Endpoint endpoint) {
    this.runtime = runtime;
    this.endpoint = endpoint;
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    UserInfo user =
        runtime
            .requestContext()
            .run(
                context -> {
                  return context.getUserInfo();
                });
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
