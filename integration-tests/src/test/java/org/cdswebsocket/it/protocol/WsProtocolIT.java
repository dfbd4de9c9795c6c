package org.cdswebsocket.it.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.cdswebsocket.it.protocol.RawWsClient.Frame;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Kind ws attacked at the level of frames, with raw sockets against the real server: control
 * frames, the closing handshake, every kind of protocol error, the opening handshake's refusals,
 * and clients that stop reading (a small send queue and send timeout make them quick to find).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.websocket.send-queue-limit=50", "cds.websocket.ws.send-timeout=1000"})
class WsProtocolIT {

  private static final String PATH = "/ws/main";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;

  @Test
  void aPingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
    try (RawWsClient client = RawWsClient.connect(port, PATH, "alice")) {
      client.sendFrame(0x89, "are you there".getBytes(StandardCharsets.UTF_8), true);

      Frame pong = client.nextControl();

      assertThat(pong.opcode()).isEqualTo(0xA);
      assertThat(pong.text()).isEqualTo("are you there");
    }
  }

  @Test
  void aClientsCloseIsAnsweredWithItsCodeAndTheServerClosesTheSocket() throws Exception {
    try (RawWsClient client = RawWsClient.connect(port, PATH, "alice")) {
      client.sendFrame(0x88, new byte[] {0x0F, (byte) 0xA0, 'b', 'y', 'e'}, true); // 4000

      Frame close = client.nextControl();

      assertThat(close.opcode()).isEqualTo(0x8);
      assertThat(close.closeCode()).isEqualTo(4000);
      assertThat(client.serverClosedSocket()).isTrue();
    }
  }

  @Test
  void aFragmentedMessageWithAPingBetweenItsPartsIsOneMessage() throws Exception {
    byte[] first = "{\"event\":\"trigger\",\"data\":{\"te".getBytes(StandardCharsets.UTF_8);
    byte[] last = "xt\":\"grüße in parts\"}}".getBytes(StandardCharsets.UTF_8);
    try (RawWsClient client = RawWsClient.connect(port, PATH, "alice")) {
      byte[] split = new byte[last.length - 3]; // also split the frame's bytes across writes
      client.sendFrame(0x01, first, true);
      client.sendFrame(0x89, "p".getBytes(StandardCharsets.UTF_8), true);
      byte[] continuation = RawWsClient.frame(0x80, last, true);
      System.arraycopy(continuation, 0, split, 0, split.length);
      client.sendBytes(split);
      Thread.sleep(50);
      client.sendBytes(
          java.util.Arrays.copyOfRange(continuation, split.length, continuation.length));

      Frame pong = client.next();
      Frame event = client.next();

      assertThat(pong.opcode()).isEqualTo(0xA);
      assertThat(event.opcode()).isEqualTo(0x1);
      assertThat(event.text()).contains("customEvent").contains("grüße in parts");
    }
  }

  static Stream<Arguments> protocolErrors() {
    byte[] hello = "{}".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("unmasked frame", RawWsClient.frame(0x81, hello, false), 1002),
        Arguments.of("reserved bit", RawWsClient.frame(0xC1, hello, true), 1002),
        Arguments.of("unknown opcode", RawWsClient.frame(0x83, hello, true), 1002),
        Arguments.of("fragmented ping", RawWsClient.frame(0x09, hello, true), 1002),
        Arguments.of("long ping", RawWsClient.frame(0x89, new byte[126], true), 1002),
        Arguments.of("lone continuation", RawWsClient.frame(0x80, hello, true), 1002),
        Arguments.of(
            "invalid UTF-8", RawWsClient.frame(0x81, new byte[] {'{', (byte) 0xC3}, true), 1007),
        Arguments.of(
            "surrogate",
            RawWsClient.frame(0x81, new byte[] {(byte) 0xED, (byte) 0xA0, 0}, true),
            1007),
        Arguments.of("binary frame", RawWsClient.frame(0x82, hello, true), 1003));
  }

  @ParameterizedTest(name = "{0} closes with {2}")
  @MethodSource("protocolErrors")
  void aBrokenFrameClosesTheConnectionWithTheRfcsCode(String what, byte[] frame, int code)
      throws Exception {
    try (RawWsClient client = RawWsClient.connect(port, PATH, "alice");
        WsTestClient bob = WsTestClient.connect(port, PATH, "bob", "bob")) {
      client.sendBytes(frame);

      Frame close = client.nextControl();
      assertThat(close.opcode()).isEqualTo(0x8);
      assertThat(close.closeCode()).isEqualTo(code);
      client.sendFrame(0x88, new byte[] {(byte) (code >>> 8), (byte) code}, true);
      assertThat(client.serverClosedSocket()).isTrue();

      bob.send("trigger", Map.of("text", "still served"));
      assertThat(bob.next("customEvent", WAIT).path("data").path("text").asText())
          .isEqualTo("still served");
    }
  }

  @Test
  void theOpeningHandshakeIsChecked() throws Exception {
    try (RawWsClient old =
        RawWsClient.upgrade(
            port,
            PATH,
            "alice",
            "Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n")) {
      assertThat(old.status()).isEqualTo(426);
      assertThat(old.response()).containsIgnoringCase("Sec-WebSocket-Version: 13");
    }
    try (RawWsClient badKey =
        RawWsClient.upgrade(
            port, PATH, "alice", "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: not-a-key\r\n")) {
      assertThat(badKey.status()).isEqualTo(400);
    }
    try (RawWsClient noKey =
        RawWsClient.upgrade(port, PATH, "alice", "Sec-WebSocket-Version: 13\r\n")) {
      assertThat(noKey.status()).isEqualTo(400);
    }
    try (RawWsClient good = RawWsClient.connect(port, PATH, "alice")) {
      assertThat(good.response())
          .containsIgnoringCase("Sec-WebSocket-Accept: BACScCJPNqyz+UBoqMH89VmURoA=")
          .doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
    }
  }

  @Test
  void aClientThatStopsReadingIsClosedWith1013AndTheOthersGetEverything(CapturedOutput output)
      throws Exception {
    String text = "s".repeat(400_000);
    try (RawWsClient sleeper = RawWsClient.connect(port, PATH, "carol", 8192);
        WsTestClient alice = WsTestClient.connect(port, PATH, "alice", "alice")) {
      for (int i = 0;
          i < 40;
          i++) { // 40 frames: under the queue limit, far over the socket's buffers
        alice.send("trigger", Map.of("text", text));
        assertThat(alice.next("customEvent", WAIT).path("data").path("text").asText())
            .hasSize(text.length());
      }

      Thread.sleep(3_000); // the sleeper reads nothing for three times the send timeout

      Frame close = sleeper.nextControl(); // reads what was buffered, then the close
      assertThat(close.opcode()).isEqualTo(0x8);
      assertThat(close.closeCode()).isEqualTo(1013);
      assertThat(alice.isOpen()).isTrue();
      assertThat(output.getOut()).contains("has not read for 1000 ms"); // not the queue limit
    }
  }

  @Test
  void aClientOverItsQueueLimitIsClosedWith1013() throws Exception {
    try (RawWsClient sleeper = RawWsClient.connect(port, PATH, "carol", 8192);
        WsTestClient alice = WsTestClient.connect(port, PATH, "alice", "alice")) {
      String text = "q".repeat(100_000);
      for (int i = 0; i < 120; i++) {
        alice.send("trigger", Map.of("text", text));
      }
      for (int i = 0; i < 120; i++) {
        assertThat(alice.next("customEvent", WAIT)).isNotNull();
      }

      assertThat(sleeper.nextControl().closeCode()).isEqualTo(1013);
    }
  }
}
