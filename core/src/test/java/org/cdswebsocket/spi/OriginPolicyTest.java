package org.cdswebsocket.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which origins may open a socket. */
class OriginPolicyTest {

  private final OriginPolicy sameOrigin = new OriginPolicy(List.of(), false);

  @Test
  void requestsWithoutOriginAreAllowed() {
    assertThat(sameOrigin.allows(null, "http", "app.example:8080", null, null)).isTrue();
  }

  @Test
  void sameOriginIsAllowedForeignIsNot() {
    assertThat(sameOrigin.allows("http://app.example:8080", "http", "app.example:8080", null, null))
        .isTrue();
    assertThat(sameOrigin.allows("http://evil.example", "http", "app.example:8080", null, null))
        .isFalse();
    assertThat(sameOrigin.allows("http://app.example:9999", "http", "app.example:8080", null, null))
        .isFalse();
    assertThat(sameOrigin.allows("null", "http", "app.example", null, null)).isFalse();
    assertThat(
            sameOrigin.allows("https://app.example:8080", "http", "app.example:8080", null, null))
        .isFalse();
  }

  @Test
  void forwardedHostAndProtoDecideBehindAProxy() {
    assertThat(
            sameOrigin.allows(
                "https://app.example", "http", "10.0.0.1:8080", "https", "app.example"))
        .isTrue();
    assertThat(
            sameOrigin.allows(
                "https://APP.example:443", "http", "10.0.0.1:8080", "https, http", "app.example"))
        .isTrue();
    assertThat(sameOrigin.allows("http://10.0.0.1:8080", "http", "10.0.0.1:8080", "https", null))
        .isFalse();
  }

  @Test
  void allowListAndStar() {
    OriginPolicy listed = new OriginPolicy(List.of("https://ui.example", " "), false);
    assertThat(listed.allows("https://ui.example", "http", "api.example", null, null)).isTrue();
    assertThat(listed.allowsCors("https://ui.example")).isTrue();
    assertThat(listed.allows("https://other.example", "http", "api.example", null, null)).isFalse();
    OriginPolicy any = new OriginPolicy(List.of("*"), false);
    assertThat(any.allows("https://anything.example", "http", "api.example", null, null)).isTrue();
  }

  @Test
  void ownPortServerAcceptsTheSameHostOnAnyPort() {
    OriginPolicy anyPort = new OriginPolicy(List.of(), true);
    assertThat(anyPort.allows("http://localhost:8080", "http", "localhost:8081", null, null))
        .isTrue();
    assertThat(anyPort.allows("http://evil.localhost:8080", "http", "localhost:8081", null, null))
        .isFalse();
  }

  @Test
  void settingIsParsedFromListsAndCommaSeparatedStrings() {
    String key = "cds.websocket.allowed-origins";
    Map<String, String> comma = Map.of(key, "https://a.example, https://b.example");
    Map<String, String> yaml = Map.of(key + "[0]", "https://a.example");

    assertThat(WebSocketSettings.read(comma::get).allowedOrigins())
        .containsExactly("https://a.example", "https://b.example");
    assertThat(WebSocketSettings.read(yaml::get).allowedOrigins())
        .containsExactly("https://a.example");
    assertThat(WebSocketSettings.defaults().allowedOrigins()).isEmpty();
  }
}
