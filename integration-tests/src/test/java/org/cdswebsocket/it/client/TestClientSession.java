package org.cdswebsocket.it.client;

import com.sap.cds.services.request.UserInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.OutboundPayload;

/**
 * A hand-written in-memory {@link ClientSession} for driving core directly against the real CAP
 * runtime (no transport): records what core sends and how it closes the session.
 */
public final class TestClientSession implements ClientSession {

  private final String id = UUID.randomUUID().toString();
  private final ClientInfo info;
  private final Set<String> contexts = ConcurrentHashMap.newKeySet();
  private final List<OutboundPayload> sent = new CopyOnWriteArrayList<>();
  private volatile CloseCode closedWith;

  public TestClientSession(UserInfo user, String identifier, String path) {
    this.info = new ClientInfo(user, identifier, path);
  }

  /** A session of a mock-like user with tenant and roles. */
  public static TestClientSession of(String user, String tenant, String path, String... roles) {
    UserInfo info =
        UserInfo.create()
            .setName(user)
            .setTenant(tenant)
            .setRoles(Set.of(roles))
            .setIsAuthenticated(true);
    return new TestClientSession(info, null, path);
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
  public void send(OutboundPayload payload) {
    sent.add(payload);
  }

  @Override
  public void close(CloseCode code, String reason) {
    closedWith = code;
  }

  @Override
  public boolean isOpen() {
    return closedWith == null;
  }

  @Override
  public Object nativeSession() {
    return this;
  }

  /** Everything sent to this session so far. */
  public List<OutboundPayload> sent() {
    return List.copyOf(sent);
  }

  /** The close code, or {@code null} while open. */
  public CloseCode closedWith() {
    return closedWith;
  }
}
