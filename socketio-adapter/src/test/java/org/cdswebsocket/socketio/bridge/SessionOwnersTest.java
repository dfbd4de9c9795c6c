package org.cdswebsocket.socketio.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.request.UserInfo;
import org.junit.jupiter.api.Test;

class SessionOwnersTest {

  private static UserInfo user(String name, String tenant) {
    return UserInfo.create().setName(name).setTenant(tenant).setIsAuthenticated(true);
  }

  @Test
  void onlyTheSameAuthenticatedUserOfTheSameTenantOwnsASession() {
    UserInfo alice = user("alice", "t1");

    assertThat(SessionOwners.sameUser(alice, user("alice", "t1"))).isTrue();
    assertThat(SessionOwners.sameUser(alice, user("bob", "t1"))).isFalse();
    assertThat(SessionOwners.sameUser(alice, user("alice", "t2"))).isFalse();
    assertThat(SessionOwners.sameUser(alice, UserInfo.create().setName("alice"))).isFalse();
    assertThat(SessionOwners.sameUser(alice, null)).isFalse();
  }

  @Test
  void aReservedKeyNamesItsUserUntilReleasedAndKeysAreUnguessable() {
    SessionOwners owners = new SessionOwners();
    String key = owners.reserve(user("alice", "t1"));
    String other = owners.reserve(user("bob", "t1"));

    assertThat(key).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(other);
    assertThat(owners.userOf(key).getName()).isEqualTo("alice");
    assertThat(owners.userOf("guess")).isNull();
    assertThat(owners.userOf(null)).isNull();

    owners.release(key);
    assertThat(owners.userOf(key)).isNull();
  }
}
