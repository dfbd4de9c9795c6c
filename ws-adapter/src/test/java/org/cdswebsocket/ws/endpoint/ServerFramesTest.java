package org.cdswebsocket.ws.endpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The unmasked frames {@link ServerFrames} builds: headers, length encodings and close reasons. */
class ServerFramesTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 200_000})
  void textFrameHeaderAndPayload(int length) {
    String text = pattern(length);
    byte[] frame = ServerFrames.text(text);

    assertThat(frame[0] & 0xFF).isEqualTo(0x81); // FIN, no RSV, opcode 0x1
    assertThat(frame[1] & 0x80).as("mask bit").isZero();
    int headerSize;
    if (length < 126) {
      assertThat(frame[1] & 0x7F).isEqualTo(length);
      headerSize = 2;
    } else if (length <= 0xFFFF) {
      assertThat(frame[1] & 0x7F).isEqualTo(126);
      assertThat(((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF)).isEqualTo(length);
      headerSize = 4;
    } else {
      assertThat(frame[1] & 0x7F).isEqualTo(127);
      long declared = 0;
      for (int i = 2; i < 10; i++) {
        declared = (declared << 8) | (frame[i] & 0xFF);
      }
      assertThat(declared).isEqualTo(length);
      headerSize = 10;
    }
    assertThat(frame).hasSize(headerSize + length);
    assertThat(Arrays.copyOfRange(frame, headerSize, frame.length)).isEqualTo(text.getBytes(UTF_8));

    Parsed parsed = parse(frame);
    assertThat(parsed.opcode).isEqualTo(FrameDecoder.OP_TEXT);
    assertThat(parsed.text()).isEqualTo(text);
  }

  @Test
  void textFrameLengthCountsUtf8Bytes() {
    String text = "ä€😀";
    byte[] frame = ServerFrames.text(text);
    assertThat(frame[1]).isEqualTo((byte) 9); // 2 + 3 + 4 bytes
    assertThat(parse(frame).text()).isEqualTo(text);

    String longer = "€".repeat(50); // 150 bytes: 16-bit length although only 50 characters
    Parsed parsed = parse(ServerFrames.text(longer));
    assertThat(parsed.headerSize).isEqualTo(4);
    assertThat(parsed.text()).isEqualTo(longer);
  }

  @Test
  void closeFrameWithCodeAndReason() {
    byte[] frame = ServerFrames.close(1000, "bye ä");
    assertThat(frame[0] & 0xFF).isEqualTo(0x88);
    assertThat(frame[1] & 0x80).isZero();
    Parsed parsed = parse(frame);
    assertThat(parsed.opcode).isEqualTo(FrameDecoder.OP_CLOSE);
    assertThat(parsed.closeCode()).isEqualTo(1000);
    assertThat(parsed.closeReason()).isEqualTo("bye ä");
  }

  @Test
  void closeFrameCodesAreBigEndian() {
    assertThat(parse(ServerFrames.close(4999, "")).payload).containsExactly(0x13, 0x87);
    assertThat(parse(ServerFrames.close(1009, null)).payload).containsExactly(0x03, 0xF1);
  }

  @Test
  void closeReasonOfExactly123BytesIsKept() {
    String reason = "r".repeat(123);
    Parsed parsed = parse(ServerFrames.close(1001, reason));
    assertThat(parsed.payload).hasSize(125);
    assertThat(parsed.closeReason()).isEqualTo(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ä", "€", "😀", "x€", "xy😀", "ab"})
  void longCloseReasonIsCutAtACharacterBoundary(String unit) {
    String reason = unit.repeat(100);
    Parsed parsed = parse(ServerFrames.close(1011, reason));

    assertThat(parsed.payload.length).isLessThanOrEqualTo(125);
    byte[] cut = Arrays.copyOfRange(parsed.payload, 2, parsed.payload.length);
    assertThat(cut.length).isLessThanOrEqualTo(ServerFrames.MAX_CLOSE_REASON_BYTES);
    String decoded = strictUtf8(cut);
    assertThat(reason).startsWith(decoded);
    // the cut keeps as much as fits: one more character would be too long
    int next = decoded.length() + Character.charCount(reason.codePointAt(decoded.length()));
    assertThat(reason.substring(0, next).getBytes(UTF_8).length)
        .isGreaterThan(ServerFrames.MAX_CLOSE_REASON_BYTES);
  }

  @Test
  void closeWithNoStatusHasAnEmptyPayload() {
    byte[] frame = ServerFrames.close(FrameDecoder.NO_STATUS, "ignored");
    assertThat(frame).containsExactly(0x88, 0x00);
  }

  @Test
  void pongEchoesThePayload() {
    byte[] payload = new byte[125];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 7);
    }
    byte[] frame = ServerFrames.pong(payload);
    assertThat(frame[0] & 0xFF).isEqualTo(0x8A);
    Parsed parsed = parse(frame);
    assertThat(parsed.opcode).isEqualTo(FrameDecoder.OP_PONG);
    assertThat(parsed.payload).isEqualTo(payload);

    assertThat(ServerFrames.pong(new byte[0])).containsExactly(0x8A, 0x00);
  }

  @Test
  void isCloseTellsCloseFramesApart() {
    assertThat(ServerFrames.isClose(ServerFrames.close(1000, "bye"))).isTrue();
    assertThat(ServerFrames.isClose(ServerFrames.close(FrameDecoder.NO_STATUS, ""))).isTrue();
    assertThat(ServerFrames.isClose(ServerFrames.text("close"))).isFalse();
    assertThat(ServerFrames.isClose(ServerFrames.pong(new byte[] {8}))).isFalse();
  }

  @Test
  void framesFollowEachOtherInAStream() {
    byte[] a = ServerFrames.text("one");
    byte[] b = ServerFrames.text("x".repeat(70_000));
    byte[] c = ServerFrames.close(1000, "done");
    byte[] stream = new byte[a.length + b.length + c.length];
    System.arraycopy(a, 0, stream, 0, a.length);
    System.arraycopy(b, 0, stream, a.length, b.length);
    System.arraycopy(c, 0, stream, a.length + b.length, c.length);

    Parsed first = parse(stream, 0);
    Parsed second = parse(stream, first.end);
    Parsed third = parse(stream, second.end);
    assertThat(first.text()).isEqualTo("one");
    assertThat(second.text()).hasSize(70_000);
    assertThat(third.closeCode()).isEqualTo(1000);
    assertThat(third.closeReason()).isEqualTo("done");
    assertThat(third.end).isEqualTo(stream.length);
  }

  // ---------------------------------------------------------------- helpers

  /** A frame read by {@link #parse}. */
  private record Parsed(int opcode, int headerSize, byte[] payload, int end) {
    String text() {
      return strictUtf8(payload);
    }

    int closeCode() {
      return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }

    String closeReason() {
      return strictUtf8(Arrays.copyOfRange(payload, 2, payload.length));
    }
  }

  private static Parsed parse(byte[] frame) {
    Parsed parsed = parse(frame, 0);
    assertThat(parsed.end).as("frame length").isEqualTo(frame.length);
    return parsed;
  }

  /** Reads one unmasked, unfragmented server frame starting at {@code offset}. */
  private static Parsed parse(byte[] stream, int offset) {
    int first = stream[offset] & 0xFF;
    int second = stream[offset + 1] & 0xFF;
    assertThat(first & 0x80).as("FIN").isNotZero();
    assertThat(first & 0x70).as("RSV").isZero();
    assertThat(second & 0x80).as("mask bit").isZero();
    long length = second & 0x7F;
    int position = offset + 2;
    if (length == 126) {
      length = ((stream[position] & 0xFF) << 8) | (stream[position + 1] & 0xFF);
      assertThat(length).as("minimal length encoding").isGreaterThanOrEqualTo(126);
      position += 2;
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | (stream[position + i] & 0xFF);
      }
      assertThat(length).as("minimal length encoding").isGreaterThan(0xFFFF);
      position += 8;
    }
    int opcode = first & 0x0F;
    if (opcode >= FrameDecoder.OP_CLOSE) {
      assertThat(length).as("control frame length").isLessThanOrEqualTo(125);
    }
    int end = Math.toIntExact(position + length);
    return new Parsed(opcode, position - offset, Arrays.copyOfRange(stream, position, end), end);
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("Not valid UTF-8: " + Arrays.toString(bytes), e);
    }
  }

  /** {@code length} ASCII characters that are not all the same. */
  private static String pattern(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + i % 26));
    }
    return text.toString();
  }
}
