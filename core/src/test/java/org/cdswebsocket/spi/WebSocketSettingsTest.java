package org.cdswebsocket.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading {@code cds.websocket.*} into {@link WebSocketSettings}, from a flat map of texts. */
class WebSocketSettingsTest {

  private static WebSocketSettings read(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return WebSocketSettings.read(values::get);
  }

  @Test
  void defaults() {
    WebSocketSettings settings = WebSocketSettings.defaults();

    assertThat(settings.enabled()).isTrue();
    assertThat(settings.kind()).isEqualTo(WebSocketKind.WS);
    assertThat(settings.path()).isEqualTo("/ws");
    assertThat(settings.format()).isEqualTo("json");
    assertThat(settings.maxMessageBytes()).isEqualTo(1_000_000);
    assertThat(settings.sendQueueLimit()).isEqualTo(10_000);
    assertThat(settings.allowedOrigins()).isEmpty();
    assertThat(settings.limits()).isEqualTo(new WebSocketSettings.Limits(100, 256, 256));
    assertThat(settings.ws()).isEqualTo(new WebSocketSettings.Ws(0, 10_000L, null));
    assertThat(settings.socketIo())
        .isEqualTo(
            new WebSocketSettings.SocketIo(
                null,
                null,
                "/socket.io",
                25_000,
                20_000,
                1_000_000,
                1_000_000,
                List.of(),
                List.of("polling", "websocket"),
                false,
                16,
                1_000,
                100,
                30,
                2,
                64,
                5,
                10_000,
                20));
    assertThat(settings.cluster())
        .isEqualTo(
            new WebSocketSettings.Cluster(
                null, null, false, "websocket", "redis://127.0.0.1:6379", null, 0, 3000));
    assertThat(settings.operators()).isEqualTo(new WebSocketSettings.Operators("or", "or"));
  }

  @Test
  void everyPropertyNameAndAliasIsUniqueUnderCdsWebsocket() {
    assertThat(WebSocketProperties.ALL.stream().flatMap(p -> p.names().stream()))
        .doesNotHaveDuplicates()
        .allMatch(name -> name.startsWith("cds.websocket."));
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ws           | WS",
        "WS           | WS",
        "' ws '       | WS",
        "socket.io    | SOCKET_IO",
        "' Socket.IO '| SOCKET_IO",
        "socketio     | SOCKET_IO",
        "socket-io    | SOCKET_IO",
        "SocketIO     | SOCKET_IO",
        "SOCKET-IO    | SOCKET_IO",
      })
  void everyKindSpellingIsNormalised(String text, WebSocketKind kind) {
    assertThat(read("cds.websocket.kind", text).kind()).isEqualTo(kind);
    assertThat(WebSocketSettings.activeKind(Map.of("cds.websocket.kind", text)::get))
        .isEqualTo(kind);
    assertThat(WebSocketKind.parse(text)).isEqualTo(kind);
  }

  @Test
  void kindsPrintTheirCanonicalNameAndNameTheirAdapterArtifact() {
    assertThat(WebSocketKind.WS).hasToString("ws");
    assertThat(WebSocketKind.SOCKET_IO).hasToString("socket.io");
    assertThat(WebSocketKind.WS.artifact()).isEqualTo("org.cdswebsocket:cds-websocket-ws");
    assertThat(WebSocketKind.SOCKET_IO.artifact())
        .isEqualTo("org.cdswebsocket:cds-websocket-socketio");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wss", "socket", "socket_io", "sockjs", ""})
  void unknownKindIsRefusedNamingTheAcceptedKinds(String text) {
    assertThatThrownBy(() -> read("cds.websocket.kind", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cds.websocket.kind")
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("ws, socket.io");
    assertThatThrownBy(() -> WebSocketSettings.activeKind(Map.of("cds.websocket.kind", text)::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ws, socket.io");
  }

  @Test
  void activeKindIsTheConfiguredKindWhileEnabledAndNullWhenDisabled() {
    assertThat(WebSocketSettings.activeKind(key -> null)).isEqualTo(WebSocketKind.WS);
    assertThat(
            WebSocketSettings.activeKind(
                Map.of("cds.websocket.enabled", "true", "cds.websocket.kind", "socket.io")::get))
        .isEqualTo(WebSocketKind.SOCKET_IO);
    assertThat(
            WebSocketSettings.activeKind(
                Map.of("cds.websocket.enabled", "false", "cds.websocket.kind", "socket.io")::get))
        .isNull();
    assertThat(WebSocketSettings.activeKind(Map.of("cds.websocket.enabled", " FALSE ")::get))
        .isNull();
    assertThat(read("cds.websocket.enabled", "false").enabled()).isFalse();
  }

  @Test
  void listsAreReadCommaSeparated() {
    WebSocketSettings settings =
        read(
            "cds.websocket.options.cors.origin",
            " https://a.example , https://b.example,,",
            "cds.websocket.options.transports",
            "websocket");

    assertThat(settings.socketIo().corsOrigins())
        .containsExactly("https://a.example", "https://b.example");
    assertThat(settings.socketIo().transports()).containsExactly("websocket");
  }

  @Test
  void listsAreReadYamlIndexedUntilTheFirstGap() {
    WebSocketSettings settings =
        read(
            "cds.websocket.options.cors.origin[0]", "https://a.example",
            "cds.websocket.options.cors.origin[1]", " https://b.example ",
            "cds.websocket.options.cors.origin[3]", "https://after-a-gap.example",
            "cds.websocket.options.transports[0]", "polling");

    assertThat(settings.socketIo().corsOrigins())
        .containsExactly("https://a.example", "https://b.example");
    assertThat(settings.socketIo().transports()).containsExactly("polling");
  }

  @Test
  void aCommaSeparatedValueWinsOverIndexedOnes() {
    WebSocketSettings settings =
        read(
            "cds.websocket.options.transports", "websocket",
            "cds.websocket.options.transports[0]", "polling");

    assertThat(settings.socketIo().transports()).containsExactly("websocket");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "pingInterval,          ping-interval",
    "pingTimeout,           ping-timeout",
    "maxFramePayloadLength, max-frame-payload-length",
    "maxHttpContentLength,  max-http-content-length",
    "workerThreads,         worker-threads",
    "workerQueueSize,       worker-queue-size",
    "sessionQueueSize,      session-queue-size",
  })
  void socketIoOptionsTakeCamelCaseAndKebabCaseNamesCamelCaseFirst(String camel, String kebab) {
    String p = "cds.websocket.options.";

    assertThat(socketIoOption(read(p + camel, "1234"), camel)).isEqualTo(1234);
    assertThat(socketIoOption(read(p + kebab, "4321"), camel)).isEqualTo(4321);
    assertThat(socketIoOption(read(p + camel, "1234", p + kebab, "4321"), camel)).isEqualTo(1234);
  }

  private static int socketIoOption(WebSocketSettings settings, String camel) {
    WebSocketSettings.SocketIo s = settings.socketIo();
    return switch (camel) {
      case "pingInterval" -> s.pingIntervalMillis();
      case "pingTimeout" -> s.pingTimeoutMillis();
      case "maxFramePayloadLength" -> s.maxFramePayloadLength();
      case "maxHttpContentLength" -> s.maxHttpContentLength();
      case "workerThreads" -> s.workerThreads();
      case "workerQueueSize" -> s.workerQueueSize();
      case "sessionQueueSize" -> s.sessionQueueSize();
      default -> throw new IllegalArgumentException(camel);
    };
  }

  @Test
  void perMessageDeflateTakesBothSpellings() {
    assertThat(
            read("cds.websocket.options.perMessageDeflate", "true").socketIo().perMessageDeflate())
        .isTrue();
    assertThat(
            read("cds.websocket.options.per-message-deflate", "true")
                .socketIo()
                .perMessageDeflate())
        .isTrue();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "cds.websocket.port,                           eighty",
    "cds.websocket.max-message-size,               1MB",
    "cds.websocket.max-message-size,               99999999999",
    "cds.websocket.ws.send-timeout,                10s",
    "cds.websocket.enabled,                        yes",
    "cds.websocket.auth-cookie,                    1",
    "cds.websocket.options.ping-interval,          25s",
    "cds.websocket.options.perMessageDeflate,      on",
    "cds.websocket.adapter.config.database,        first",
  })
  void aValueOfTheWrongTypeIsRefusedNamingTheProperty(String key, String value) {
    assertThatThrownBy(() -> read(key, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("'" + value + "'");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "cds.websocket.max-message-size,  0",
    "cds.websocket.max-message-size,  -1",
    "cds.websocket.send-queue-limit,  0",
    "cds.websocket.ws.send-timeout,   -5",
  })
  void nonPositiveLimitsAreRefusedNamingTheProperty(String key, String value) {
    assertThatThrownBy(() -> read(key, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("must be positive");
  }

  @Test
  void senderThreadsDefaultToHalfTheProcessorsAndRefuseNegativeCounts() {
    int half = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    assertThat(read().ws().senderThreads()).isEqualTo(half);
    assertThat(read("cds.websocket.ws.sender-threads", "0").ws().senderThreads()).isEqualTo(half);
    assertThat(read("cds.websocket.ws.sender-threads", "3").ws().senderThreads()).isEqualTo(3);
    assertThatThrownBy(() -> read("cds.websocket.ws.sender-threads", "-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cds.websocket.ws.sender-threads")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void valuesAreTrimmed() {
    WebSocketSettings settings =
        read(
            "cds.websocket.max-message-size", " 2048 ",
            "cds.websocket.path", " /sockets ",
            "cds.websocket.auth-cookie", " True ");

    assertThat(settings.maxMessageBytes()).isEqualTo(2048);
    assertThat(settings.path()).isEqualTo("/sockets");
    assertThat(settings.ws().authCookie()).isTrue();
  }

  @Test
  void socketIoPayloadLimitsDefaultToMaxMessageSizeUnlessSetThemselves() {
    WebSocketSettings inherited = read("cds.websocket.max-message-size", "4096");
    WebSocketSettings own =
        read(
            "cds.websocket.max-message-size", "4096",
            "cds.websocket.options.maxFramePayloadLength", "100",
            "cds.websocket.options.max-http-content-length", "200");

    assertThat(inherited.socketIo().maxFramePayloadLength()).isEqualTo(4096);
    assertThat(inherited.socketIo().maxHttpContentLength()).isEqualTo(4096);
    assertThat(own.socketIo().maxFramePayloadLength()).isEqualTo(100);
    assertThat(own.socketIo().maxHttpContentLength()).isEqualTo(200);
  }

  @Test
  void clusterSettingsAreReadAndItsTextNeverShowsThePassword() {
    WebSocketSettings settings =
        read(
            "cds.websocket.adapter.impl", "redis",
            "cds.websocket.adapter.active", "true",
            "cds.websocket.adapter.config.address", "redis://10.0.0.1:6380",
            "cds.websocket.adapter.config.password", "s3cr3t-Pa55",
            "cds.websocket.adapter.options.key", "chat");

    assertThat(settings.cluster().impl()).isEqualTo("redis");
    assertThat(settings.cluster().active()).isTrue();
    assertThat(settings.cluster().password()).isEqualTo("s3cr3t-Pa55");
    assertThat(settings.cluster().toString())
        .contains("redis", "chat", "redis://10.0.0.1:6380")
        .doesNotContain("s3cr3t-Pa55");
    assertThat(settings.toString()).doesNotContain("s3cr3t-Pa55");
  }

  @Test
  void operatorsAreRead() {
    assertThat(
            read("cds.websocket.operator.include", "and", "cds.websocket.operator.exclude", "and")
                .operators())
        .isEqualTo(new WebSocketSettings.Operators("and", "and"));
  }

  @Test
  void socketIoRunsOnTheApplicationPortUnlessAPortIsSet() {
    Map<String, String> raw = new HashMap<>();
    assertThat(WebSocketSettings.SocketIo.onApplicationPort(raw::get)).isTrue();
    assertThat(WebSocketSettings.read(raw::get).socketIo().standalone()).isFalse();

    raw.put("cds.websocket.port", "0");

    assertThat(WebSocketSettings.SocketIo.onApplicationPort(raw::get)).isFalse();
    assertThat(WebSocketSettings.read(raw::get).socketIo().standalone()).isTrue();
    assertThat(WebSocketSettings.read(raw::get).socketIo().port()).isZero();
  }
}
