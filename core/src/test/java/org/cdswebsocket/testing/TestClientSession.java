package org.cdswebsocket.testing;

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
import org.cdswebsocket.spi.SessionGroupWriter;

/**
 * The shared hand-written {@link ClientSession} fake for tests (published in core's test-jar): an
 * in-memory session that records what core sends to it and how core closed it. Thread-safe.
 *
 * <pre>{@code
 * TestClientSession alice = TestClientSession.of("alice", "t1", "/ws/chat", "admin");
 * runtime.connectionHandler().onOpen(alice);
 * assertThat(alice.sent()).hasSize(1);
 * }</pre>
 */
public final class TestClientSession implements ClientSession {

  private final String id;
  private final ClientInfo info;
  private final Set<String> contexts = ConcurrentHashMap.newKeySet();
  private final List<OutboundPayload> sent = new CopyOnWriteArrayList<>();
  private volatile CloseCode closedWith;
  private volatile boolean failSends;
  private volatile SessionGroupWriter groupWriter = SessionGroupWriter.EACH_SESSION;

  public TestClientSession(String id, UserInfo user, String identifier, String path) {
    this.id = id;
    this.info = new ClientInfo(user, identifier, path);
  }

  /** An authenticated user's session with a random id. */
  public static TestClientSession of(String user, String tenant, String path, String... roles) {
    return create(UUID.randomUUID().toString(), user, tenant, null, path, Set.of(roles), Set.of());
  }

  /** A session with every attribute given, the entered contexts included. */
  public static TestClientSession create(
      String id,
      String user,
      String tenant,
      String identifier,
      String path,
      Set<String> roles,
      Set<String> contexts) {
    UserInfo userInfo =
        UserInfo.create().setName(user).setTenant(tenant).setRoles(roles).setIsAuthenticated(true);
    TestClientSession session = new TestClientSession(id, userInfo, identifier, path);
    session.contexts.addAll(contexts);
    return session;
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
    if (failSends) {
      throw new IllegalStateException("broken pipe");
    }
    sent.add(payload);
  }

  @Override
  public SessionGroupWriter groupWriter() {
    return groupWriter;
  }

  /** From now on every {@link #send} throws, as a broken transport would. */
  public TestClientSession failSends() {
    failSends = true;
    return this;
  }

  /** Makes broadcasts reach this session through {@code writer}, as a transport's would. */
  public TestClientSession useGroupWriter(SessionGroupWriter writer) {
    groupWriter = writer;
    return this;
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
