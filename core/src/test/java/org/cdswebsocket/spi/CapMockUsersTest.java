package org.cdswebsocket.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.environment.CdsEnvironment;
import com.sap.cds.services.environment.CdsProperties;
import com.sap.cds.services.request.ModifiableUserInfo;
import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntimeConfigurer;
import com.sap.cloud.environment.servicebinding.api.DefaultServiceBinding;
import com.sap.cloud.environment.servicebinding.api.DefaultServiceBindingAccessor;
import com.sap.cloud.environment.servicebinding.api.ServiceBinding;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.testing.MapPropertiesProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CAP's condition for mock users, read from a real CAP environment with real service bindings. */
class CapMockUsersTest {

  @AfterEach
  void resetBindings() {
    DefaultServiceBindingAccessor.setInstance(null);
  }

  @Test
  void mockUsersAreActiveWithoutIdentityService() {
    assertThat(CapMockUsers.active(environment(new CdsProperties(), List.of()))).isTrue();
  }

  @Test
  void anXsuaaBindingSwitchesMockUsersOff() {
    CdsEnvironment env = environment(new CdsProperties(), List.of(binding("xsuaa", "uaa")));

    assertThat(CapMockUsers.identityServiceConfigured(env)).isTrue();
    assertThat(CapMockUsers.active(env)).isFalse();
  }

  @Test
  void anIasBindingSwitchesMockUsersOff() {
    assertThat(
            CapMockUsers.active(
                environment(new CdsProperties(), List.of(binding("identity", "ias")))))
        .isFalse();
  }

  @Test
  void disabledMockUsersAreInactive() {
    CdsProperties cds = new CdsProperties();
    cds.getSecurity().getMock().setEnabled(false);

    assertThat(CapMockUsers.active(environment(cds, List.of()))).isFalse();
  }

  @Test
  void unrelatedBindingsKeepMockUsersActive() {
    assertThat(
            CapMockUsers.active(
                environment(new CdsProperties(), List.of(binding("redis-cache", "cache")))))
        .isTrue();
  }

  @Test
  void technicalAndPasswordlessUsersAreNeverUsableOverASocket() {
    CdsProperties.Security.Mock mock = new CdsProperties().getSecurity().getMock();
    mock.getUsers().values(); // CAP adds its default users on read

    assertThat(CapMockUsers.usableOverSocket("privileged", user("privileged", "x"))).isFalse();
    assertThat(CapMockUsers.usableOverSocket("system", user("system", "x"))).isFalse();
    assertThat(CapMockUsers.usableOverSocket("internal", user("internal", "x"))).isFalse();
    assertThat(CapMockUsers.usableOverSocket("authenticated", user("authenticated", "x")))
        .isFalse();
    assertThat(CapMockUsers.usableOverSocket("nopass", user("nopass", ""))).isFalse();
    assertThat(CapMockUsers.usableOverSocket("nopass", user("nopass", null))).isFalse();
    CdsProperties.Security.Mock.User root = user("root", "root");
    root.setPrivileged(true);
    assertThat(CapMockUsers.usableOverSocket("root", root)).isFalse();
    assertThat(CapMockUsers.usableOverSocket("alice", user("alice", "alice"))).isTrue();
    mock.getUsers()
        .forEach((name, u) -> assertThat(CapMockUsers.usableOverSocket(name, u)).isFalse());
  }

  @Test
  void onlyAuthenticatedNonTechnicalUsersMayOpenASocket() {
    assertThat(CapMockUsers.acceptableSocketUser(authenticated("alice"))).isTrue();
    assertThat(CapMockUsers.acceptableSocketUser(null)).isFalse();
    assertThat(CapMockUsers.acceptableSocketUser(UserInfo.create().setName("alice"))).isFalse();
    assertThat(CapMockUsers.acceptableSocketUser(authenticated("Privileged"))).isFalse();
    assertThat(CapMockUsers.acceptableSocketUser(authenticated("agent").setIsInternalUser(true)))
        .isFalse();
    assertThat(CapMockUsers.acceptableSocketUser(authenticated("job").setIsSystemUser(true)))
        .isFalse();
  }

  @Test
  void emptyBasicPasswordsAreRecognised() {
    assertThat(CapMockUsers.emptyBasicPassword(basic("nopass:"))).isTrue();
    assertThat(CapMockUsers.emptyBasicPassword(basic("nopass"))).isTrue();
    assertThat(CapMockUsers.emptyBasicPassword(basic("alice:alice"))).isFalse();
    assertThat(CapMockUsers.emptyBasicPassword("Bearer abc")).isFalse();
    assertThat(CapMockUsers.emptyBasicPassword("Basic %%%")).isFalse();
    assertThat(CapMockUsers.emptyBasicPassword(null)).isFalse();
  }

  private static ModifiableUserInfo authenticated(String name) {
    return UserInfo.create().setName(name).setIsAuthenticated(true);
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8));
  }

  private static CdsProperties.Security.Mock.User user(String name, String password) {
    CdsProperties.Security.Mock.User user = new CdsProperties.Security.Mock.User();
    user.setName(name);
    user.setPassword(password);
    return user;
  }

  private static ServiceBinding binding(String service, String name) {
    return DefaultServiceBinding.builder()
        .copy(Map.of("credentials", Map.of("clientid", "x")))
        .withName(name)
        .withServiceName(service)
        .build();
  }

  private static CdsEnvironment environment(CdsProperties cds, List<ServiceBinding> bindings) {
    DefaultServiceBindingAccessor.setInstance(() -> bindings);
    CdsRuntimeConfigurer configurer =
        CdsRuntimeConfigurer.create(new MapPropertiesProvider(Map.of(), cds));
    return configurer.getCdsRuntime().getEnvironment();
  }
}
