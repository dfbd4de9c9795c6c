package org.cdswebsocket.socketio.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sap.cds.services.application.ApplicationLifecycleService;
import com.sap.cds.services.environment.CdsProperties;
import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;
import com.sap.cds.services.runtime.CdsRuntimeConfigurer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.cdswebsocket.socketio.auth.CapHandshakeAuthenticator;
import org.cdswebsocket.socketio.auth.HandshakeRejectedException;
import org.cdswebsocket.socketio.auth.HandshakeRequest;
import org.cdswebsocket.socketio.auth.MockUserPasswords;
import org.cdswebsocket.testing.MapPropertiesProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real CAP runtime (test application.yaml: kind socket.io, port 0, mock user alice): the
 * adapter's registration, lifecycle and handshake authentication through CAP's user providers.
 */
class CapRuntimeIT {

  private static CdsRuntime runtime;
  private static SocketIoServerHandle handle;

  @BeforeAll
  static void startRuntime() {
    CdsProperties cds = new CdsProperties();
    CdsProperties.Security.Mock.User alice = new CdsProperties.Security.Mock.User();
    alice.setName("alice");
    alice.setPassword("secret");
    alice.setTenant("t1");
    alice.setRoles(List.of("admin"));
    cds.getSecurity().getMock().setUsers(new java.util.HashMap<>(Map.of("alice", alice)));
    CdsRuntimeConfigurer configurer =
        CdsRuntimeConfigurer.create(
            new MapPropertiesProvider(
                Map.of("cds.websocket.kind", "socket.io", "cds.websocket.port", "0"), cds));
    configurer.serviceConfigurations().eventHandlerConfigurations().providerConfigurations();
    runtime = configurer.complete();
    handle =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
    lifecycle().applicationPrepared();
  }

  @AfterAll
  static void stopRuntime() {
    lifecycle().applicationStopped();
  }

  private static ApplicationLifecycleService lifecycle() {
    return runtime
        .getServiceCatalog()
        .getService(ApplicationLifecycleService.class, ApplicationLifecycleService.DEFAULT_NAME);
  }

  private static CapHandshakeAuthenticator authenticator() {
    return new CapHandshakeAuthenticator(
        runtime, new MockUserPasswords(runtime.getEnvironment()), null, handle.tickets());
  }

  private static HandshakeRequest basic(String user, String password) {
    String value =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new HandshakeRequest(
        "/ws/chat", Map.of("authorization", "Basic " + value), Map.of(), null, "test");
  }

  @Test
  void serverStartsOnAFreePortWhenTheApplicationIsPrepared() {
    assertThat(handle.isRunning()).isTrue();
    assertThat(handle.port()).isPositive();
  }

  @Test
  void basicMockUserResolvesToTheCapUser() throws Exception {
    UserInfo user = authenticator().authenticate(basic("alice", "secret"));

    assertThat(user.getName()).isEqualTo("alice");
    assertThat(user.getTenant()).isEqualTo("t1");
    assertThat(user.getRoles()).contains("admin");
  }

  @Test
  void wrongPasswordAndUnknownUserAreRefused() {
    assertThatThrownBy(() -> authenticator().authenticate(basic("alice", "wrong")))
        .isInstanceOf(HandshakeRejectedException.class)
        .hasMessage("401");
    assertThatThrownBy(() -> authenticator().authenticate(basic("mallory", "secret")))
        .isInstanceOf(HandshakeRejectedException.class);
  }

  @Test
  void bearerTokenIsRefusedWithoutValidator() {
    HandshakeRequest request =
        new HandshakeRequest("/ws/chat", Map.of(), Map.of(), Map.of("token", "x.y.z"), "test");

    assertThatThrownBy(() -> authenticator().authenticate(request))
        .isInstanceOf(HandshakeRejectedException.class);
  }

  @Test
  void ticketIsRedeemableOnce() throws Exception {
    UserInfo alice = authenticator().authenticate(basic("alice", "secret"));
    String ticket = handle.tickets().issue(alice);
    HandshakeRequest request =
        new HandshakeRequest("/ws/chat", Map.of(), Map.of("ticket", List.of(ticket)), null, "t");

    assertThat(authenticator().authenticate(request).getName()).isEqualTo("alice");
    assertThatThrownBy(() -> authenticator().authenticate(request))
        .isInstanceOf(HandshakeRejectedException.class);
  }
}
