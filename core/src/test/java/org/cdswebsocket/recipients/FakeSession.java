package org.cdswebsocket.recipients;

import com.sap.cds.services.request.UserInfo;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.OutboundPayload;

/** A minimal in-memory session for matcher tests. */
final class FakeSession implements ClientSession {

  private final String id;
  private final ClientInfo info;
  private final Set<String> contexts = ConcurrentHashMap.newKeySet();

  FakeSession(String id, String user, String tenant, String identifier, String path,
      Set<String> roles, Set<String> contexts) {
    this.id = id;
    this.info =
        new ClientInfo(
            UserInfo.create().setName(user).setTenant(tenant).setRoles(roles), identifier, path);
    this.contexts.addAll(contexts);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ClientInfo info() {
    return info;
  }

  @Override
  public Set<String> contexts() {
    return contexts;
  }

  @Override
  public void send(OutboundPayload payload) {}

  @Override
  public void close(CloseCode code, String reason) {}

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public Object nativeSession() {
    return this;
  }
}
