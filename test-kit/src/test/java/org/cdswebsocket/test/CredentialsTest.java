package org.cdswebsocket.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void basicIsTheBase64OfUserColonPassword() {
    assertThat(Credentials.basic("alice", "alice").authorization())
        .isEqualTo("Basic YWxpY2U6YWxpY2U=");
    assertThat(Credentials.basic("jürgen", "pä:ss").authorization())
        .isEqualTo("Basic asO8cmdlbjpww6Q6c3M=");
  }

  @Test
  void toStringHidesThePassword() {
    assertThat(Credentials.basic("alice", "secret").toString())
        .contains("alice")
        .doesNotContain("secret");
  }

  @Test
  void noCredentialsHaveNoAuthorization() {
    assertThat(Credentials.none().isNone()).isTrue();
    assertThatThrownBy(() -> Credentials.none().authorization())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Credentials.basic("alice", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
