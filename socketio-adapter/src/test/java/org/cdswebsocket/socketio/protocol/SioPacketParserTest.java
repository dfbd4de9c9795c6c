package org.cdswebsocket.socketio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SioPacketParserTest {

  private final SioPacketParser cut = new SioPacketParser();

  @Test
  @SuppressWarnings("unchecked")
  void parsesEventWithNamespaceAckIdAndArguments() throws Exception {
    SioPacket packet = cut.parse("2/ws/chat,7[\"message\",{\"text\":\"hi\"},{\"h\":1}]");

    assertThat(packet.type()).isEqualTo(SioPacket.EVENT);
    assertThat(packet.namespace()).isEqualTo("/ws/chat");
    assertThat(packet.ackId()).isEqualTo(7L);
    assertThat((List<Object>) packet.payload())
        .containsExactly("message", Map.of("text", "hi"), Map.of("h", 1));
  }

  @Test
  void parsesConnectWithAndWithoutAuth() throws Exception {
    assertThat(cut.parse("0/ws/chat,").payload()).isNull();
    assertThat(cut.parse("0/ws/chat").namespace()).isEqualTo("/ws/chat");
    assertThat(cut.parse("0/ws/chat,{\"token\":\"x\"}").payload()).isEqualTo(Map.of("token", "x"));
    assertThat(cut.parse("0").namespace()).isEqualTo(SioPacket.ROOT);
  }

  @Test
  void parsesBinaryAttachmentCount() throws Exception {
    SioPacket packet = cut.parse("52-/ws/chat,3[\"bin\",{\"_placeholder\":true,\"num\":0}]");

    assertThat(packet.isBinary()).isTrue();
    assertThat(packet.attachments()).isEqualTo(2);
    assertThat(packet.ackId()).isEqualTo(3L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "7[\"x\"]",
        "2{}",
        "2/ws/chat,[]",
        "2[\"connect\"]",
        "2[{}]",
        "2abc[\"x\"]",
        "2[\"x\"] trailing",
        "2[\"x\"",
        "0/ws/chat,[1]",
        "1/ws/chat,{}",
        "3/ws/chat,1{}",
        "5/ws/chat,[\"x\"]",
        "5x-[\"x\"]",
        "21234567890123456789012[\"x\"]"
      })
  void rejectsInvalidPackets(String text) {
    assertThatThrownBy(() -> cut.parse(text)).isInstanceOf(PacketFormatException.class);
  }

  @Test
  void encodesEventOnceAsCompleteFrame() {
    byte[] frame = EventPacketEncoder.encode("/ws/chat", "received", Map.of("text", "ä\""));

    assertThat(new String(frame, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("42/ws/chat,[\"received\",{\"text\":\"ä\\\"\"}]");
    assertThat(
            new String(
                EventPacketEncoder.encode("/", "x", null), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("42[\"x\"]");
  }
}
