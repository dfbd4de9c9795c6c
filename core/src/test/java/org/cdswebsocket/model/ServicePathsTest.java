package org.cdswebsocket.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServicePathsTest {

  @ParameterizedTest
  @CsvSource({
    "ChatService, chat",
    "my.namespace.ChatService, chat",
    "GuestBillingService, guest-billing",
    "Service, service",
    "Main, main",
    "todo_Service, todo-",
    "ODataV4Service, odata-v4"
  })
  void slugFollowsNodeRules(String name, String slug) {
    assertThat(ServicePaths.slug(name)).isEqualTo(slug);
  }

  @ParameterizedTest
  @CsvSource({
    "/ws, chat, /ws/chat",
    "/ws/, chat/, /ws/chat",
    "/ws, /absolute, /absolute",
    "/sockets, a/b, /sockets/a/b",
    "/, chat, /chat",
    "'', chat, /chat"
  })
  void relativePathsGoUnderThePrefix(String prefix, String path, String resolved) {
    assertThat(ServicePaths.resolve(ServicePaths.normalisePrefix(prefix), path))
        .isEqualTo(resolved);
  }
}
