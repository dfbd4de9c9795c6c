package org.cdswebsocket.ws.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opening handshake of {@link Handshake}: accepted requests, the 101 headers and refusals. */
class HandshakeTest {

  private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
  private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="; // RFC 6455, 1.3

  @Test
  void acceptKeyOfTheRfcExample() {
    assertThat(Handshake.acceptKey(RFC_KEY)).isEqualTo(RFC_ACCEPT);
  }

  @Test
  void validRequestIsAcceptedWith101() {
    FakeRequest request = validRequest();
    assertThat(Handshake.check(request.proxy())).isNull();

    FakeResponse response = new FakeResponse();
    Handshake.accept(request.proxy(), response.proxy(), List.of("v10.pcp.sap.com"));
    assertThat(response.status).isEqualTo(101);
    assertThat(response.header("Upgrade")).isEqualTo("websocket");
    assertThat(response.header("Connection")).isEqualTo("Upgrade");
    assertThat(response.header("Sec-WebSocket-Accept")).isEqualTo(RFC_ACCEPT);
    assertThat(response.headers).doesNotContainKey("sec-websocket-protocol");
    assertThat(response.error).isNull();
  }

  @Test
  void keyWithSurroundingBlanksIsTrimmed() {
    FakeRequest request = validRequest().set("Sec-WebSocket-Key", "  " + RFC_KEY + " ");
    assertThat(Handshake.check(request.proxy())).isNull();
    FakeResponse response = new FakeResponse();
    Handshake.accept(request.proxy(), response.proxy(), List.of());
    assertThat(response.header("Sec-WebSocket-Accept")).isEqualTo(RFC_ACCEPT);
  }

  @Test
  void offeredProtocolsInOneHeaderTheClaimedOneWins() {
    FakeRequest request =
        validRequest().add("Sec-WebSocket-Protocol", "chat, v10.pcp.sap.com , other");
    assertThat(acceptedProtocol(request, List.of("v10.pcp.sap.com"))).isEqualTo("v10.pcp.sap.com");
  }

  @Test
  void offeredProtocolsAcrossTwoHeaderLinesTheClaimedOneWins() {
    FakeRequest request =
        validRequest()
            .add("Sec-WebSocket-Protocol", "chat")
            .add("Sec-WebSocket-Protocol", "superchat, v10.pcp.sap.com");
    assertThat(acceptedProtocol(request, List.of("v10.pcp.sap.com"))).isEqualTo("v10.pcp.sap.com");
  }

  @Test
  void withoutAClaimedProtocolTheFirstOfferedIsEchoed() {
    FakeRequest request =
        validRequest()
            .add("Sec-WebSocket-Protocol", " , chat,superchat")
            .add("Sec-WebSocket-Protocol", "v10.pcp.sap.com");
    assertThat(acceptedProtocol(request, List.of("other"))).isEqualTo("chat");
    assertThat(acceptedProtocol(request, List.of())).isEqualTo("chat");
  }

  @Test
  void emptyProtocolHeaderSetsNoProtocol() {
    FakeRequest request = validRequest().add("Sec-WebSocket-Protocol", " , ");
    FakeResponse response = new FakeResponse();
    Handshake.accept(request.proxy(), response.proxy(), List.of("v10.pcp.sap.com"));
    assertThat(response.headers).doesNotContainKey("sec-websocket-protocol");
  }

  @Test
  void postIsRefused() {
    assertRefused(validRequest().method("POST"), 400);
  }

  @Test
  void missingConnectionUpgradeIsRefused() {
    assertRefused(validRequest().remove("Connection"), 400);
    assertRefused(validRequest().set("Connection", "keep-alive"), 400);
    assertRefused(validRequest().set("Connection", "upgraded, keep-alive"), 400);
  }

  @Test
  void connectionUpgradeAmongOtherTokensPasses() {
    assertThat(Handshake.check(validRequest().set("Connection", "keep-alive, Upgrade").proxy()))
        .isNull();
    assertThat(Handshake.check(validRequest().set("Connection", "UPGRADE").proxy())).isNull();
    FakeRequest twoLines =
        validRequest()
            .remove("Connection")
            .add("Connection", "keep-alive")
            .add("Connection", "upgrade");
    assertThat(Handshake.check(twoLines.proxy())).isNull();
  }

  @Test
  void otherVersionIsRefusedWith426NamingVersion13() throws Exception {
    FakeRequest request = validRequest().set("Sec-WebSocket-Version", "8");
    Handshake.Refusal refusal = assertRefused(request, 426);

    FakeResponse response = new FakeResponse();
    Handshake.refuse(response.proxy(), refusal);
    assertThat(response.header("Sec-WebSocket-Version")).isEqualTo("13");
    assertThat(response.status).isEqualTo(426);
    assertThat(response.error).isEqualTo(refusal.message());
  }

  @Test
  void missingVersionIsRefusedWith426() {
    assertRefused(validRequest().remove("Sec-WebSocket-Version"), 426);
  }

  @Test
  void refusalOtherThanVersionDoesNotNameAVersion() throws Exception {
    Handshake.Refusal refusal = assertRefused(validRequest().method("POST"), 400);
    FakeResponse response = new FakeResponse();
    Handshake.refuse(response.proxy(), refusal);
    assertThat(response.status).isEqualTo(400);
    assertThat(response.error).isEqualTo(refusal.message());
    assertThat(response.headers).doesNotContainKey("sec-websocket-version");
  }

  @Test
  void missingKeyIsRefused() {
    assertRefused(validRequest().remove("Sec-WebSocket-Key"), 400);
    assertRefused(validRequest().set("Sec-WebSocket-Key", ""), 400);
  }

  @Test
  void keyThatIsNoBase64IsRefused() {
    assertRefused(validRequest().set("Sec-WebSocket-Key", "not*base64*at*all*here!!"), 400);
    assertRefused(validRequest().set("Sec-WebSocket-Key", "dGhlIHNhbXBs=SBub25jZQ=="), 400);
    assertRefused(validRequest().set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ"), 400);
  }

  @Test
  void keyThatDoesNotDecodeTo16BytesIsRefused() {
    Base64.Encoder encoder = Base64.getEncoder();
    assertRefused(
        validRequest().set("Sec-WebSocket-Key", encoder.encodeToString(new byte[15])), 400);
    assertRefused(
        validRequest().set("Sec-WebSocket-Key", encoder.encodeToString(new byte[17])), 400);
    assertRefused(
        validRequest().set("Sec-WebSocket-Key", encoder.encodeToString(new byte[18])), 400);
    assertThat(
            Handshake.check(
                validRequest()
                    .set("Sec-WebSocket-Key", encoder.encodeToString(new byte[16]))
                    .proxy()))
        .isNull();
  }

  // ---------------------------------------------------------------- helpers

  private static FakeRequest validRequest() {
    return new FakeRequest()
        .method("GET")
        .set("Host", "server.example.com")
        .set("Upgrade", "websocket")
        .set("Connection", "Upgrade")
        .set("Sec-WebSocket-Key", RFC_KEY)
        .set("Sec-WebSocket-Version", "13");
  }

  private static Handshake.Refusal assertRefused(FakeRequest request, int status) {
    Handshake.Refusal refusal = Handshake.check(request.proxy());
    assertThat(refusal).isNotNull();
    assertThat(refusal.status()).isEqualTo(status);
    assertThat(refusal.message()).isNotBlank();
    return refusal;
  }

  private static String acceptedProtocol(FakeRequest request, List<String> claimed) {
    FakeResponse response = new FakeResponse();
    Handshake.accept(request.proxy(), response.proxy(), claimed);
    return response.header("Sec-WebSocket-Protocol");
  }

  /** A request with a method and headers (names case-insensitive); other calls fail. */
  private static final class FakeRequest {
    private String method;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    FakeRequest method(String method) {
      this.method = method;
      return this;
    }

    FakeRequest set(String name, String value) {
      headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(List.of(value)));
      return this;
    }

    FakeRequest add(String name, String value) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
      return this;
    }

    FakeRequest remove(String name) {
      headers.remove(name.toLowerCase(Locale.ROOT));
      return this;
    }

    HttpServletRequest proxy() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (self, m, args) ->
                  switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> {
                      List<String> values =
                          headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                      yield values == null ? null : values.get(0);
                    }
                    case "getHeaders" ->
                        Collections.enumeration(
                            headers.getOrDefault(
                                ((String) args[0]).toLowerCase(Locale.ROOT), List.of()));
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "toString" -> "FakeRequest" + headers;
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                  });
    }
  }

  /** A response recording status, headers (names lower-cased) and an error. */
  private static final class FakeResponse {
    int status = 200;
    String error;
    final Map<String, String> headers = new LinkedHashMap<>();

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    HttpServletResponse proxy() {
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (self, m, args) -> {
                switch (m.getName()) {
                  case "setStatus" -> status = (Integer) args[0];
                  case "setHeader" ->
                      headers.put(((String) args[0]).toLowerCase(Locale.ROOT), (String) args[1]);
                  case "sendError" -> {
                    status = (Integer) args[0];
                    error = args.length > 1 ? (String) args[1] : "";
                  }
                  case "getStatus" -> {
                    return status;
                  }
                  case "getHeader" -> {
                    return header((String) args[0]);
                  }
                  case "containsHeader" -> {
                    return headers.containsKey(((String) args[0]).toLowerCase(Locale.ROOT));
                  }
                  case "toString" -> {
                    return "FakeResponse " + status + " " + headers;
                  }
                  case "hashCode" -> {
                    return System.identityHashCode(self);
                  }
                  case "equals" -> {
                    return self == args[0];
                  }
                  default -> throw new UnsupportedOperationException(m.getName());
                }
                return null;
              });
    }
  }
}
