package org.cdswebsocket.ws.endpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.cdswebsocket.spi.CloseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding of masked client frames by {@link FrameDecoder}: messages, splits and violations. */
class FrameDecoderTest {

  private static final int MAX = 1 << 20;
  private static final Random RANDOM = new Random(6455);

  private static final int TEXT = FrameDecoder.OP_TEXT;
  private static final int BINARY = FrameDecoder.OP_BINARY;
  private static final int CONTINUATION = FrameDecoder.OP_CONTINUATION;
  private static final int CLOSE = FrameDecoder.OP_CLOSE;
  private static final int PING = FrameDecoder.OP_PING;
  private static final int PONG = FrameDecoder.OP_PONG;

  // ---------------------------------------------------------------- messages

  @Test
  void shortTextMessage() {
    assertThat(decodeAll(text("Hello"))).containsExactly("text:Hello");
  }

  @Test
  void emptyTextMessage() {
    assertThat(decodeAll(text(""))).containsExactly("text:");
  }

  @Test
  void sixteenBitLengthMessage() {
    String message = "a".repeat(300);
    byte[] frame = frame(true, 0, TEXT, message.getBytes(UTF_8), Length.BITS_16);
    assertThat(frame[1] & 0x7F).isEqualTo(126);
    assertThat(decodeAll(frame)).containsExactly("text:" + message);
  }

  @Test
  void sixteenBitLengthAtItsLimit() {
    String message = "b".repeat(65535);
    assertThat(decodeAll(frame(true, 0, TEXT, message.getBytes(UTF_8), Length.BITS_16)))
        .containsExactly("text:" + message);
  }

  @Test
  void sixtyFourBitLengthMessage() {
    String message = "xyz".repeat(30_000);
    byte[] frame = frame(true, 0, TEXT, message.getBytes(UTF_8), Length.BITS_64);
    assertThat(frame[1] & 0x7F).isEqualTo(127);
    assertThat(decodeAll(frame)).containsExactly("text:" + message);
  }

  @Test
  void longMessageArrivingInManyReads() {
    String message = "0123456789".repeat(20_000);
    byte[] stream = text(message);
    Recorder recorder = new Recorder();
    FrameDecoder decoder = new FrameDecoder(MAX);
    for (int offset = 0; offset < stream.length; offset += 1000) {
      decoder.decode(stream, offset, Math.min(1000, stream.length - offset), recorder);
    }
    assertThat(recorder.events).containsExactly("text:" + message);
  }

  @Test
  void fragmentedMessageWithInterleavedPing() {
    byte[] stream =
        concat(
            frame(false, 0, TEXT, bytes("Hel")),
            frame(false, 0, CONTINUATION, bytes("lo, ")),
            frame(true, 0, PING, bytes("are you there")),
            frame(true, 0, CONTINUATION, bytes("world")));
    assertThat(decodeAll(stream)).containsExactly("ping:are you there", "text:Hello, world");
  }

  @Test
  void fragmentedMessageWithEmptyFragments() {
    byte[] stream =
        concat(
            frame(false, 0, TEXT, new byte[0]),
            frame(false, 0, CONTINUATION, bytes("abc")),
            frame(false, 0, CONTINUATION, new byte[0]),
            frame(true, 0, CONTINUATION, new byte[0]),
            text("next"));
    assertThat(decodeAll(stream)).containsExactly("text:abc", "text:next");
  }

  @Test
  void messagesAfterAFragmentedMessageAreDecodedAgain() {
    byte[] stream =
        concat(
            frame(false, 0, TEXT, bytes("one ")),
            frame(true, 0, CONTINUATION, bytes("two")),
            text("three"),
            frame(false, 0, TEXT, bytes("four ")),
            frame(true, 0, CONTINUATION, bytes("five")));
    assertThat(decodeAll(stream)).containsExactly("text:one two", "text:three", "text:four five");
  }

  @Test
  void pingPayloadsAreReported() {
    byte[] payload = new byte[125];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    List<String> events =
        decodeAll(concat(frame(true, 0, PING, new byte[0]), frame(true, 0, PING, payload)));
    assertThat(events).containsExactly("ping:", "ping:" + HexFormat.of().formatHex(payload));
  }

  @Test
  void pongIsIgnored() {
    byte[] stream = concat(frame(true, 0, PONG, bytes("unsolicited")), text("after"));
    assertThat(decodeAll(stream)).containsExactly("text:after");
  }

  @Test
  void multiByteUtf8() {
    assertThat(decodeAll(text("ä€😀"))).containsExactly("text:ä€😀");
  }

  @Test
  void multiByteCharacterSplitAcrossFragments() {
    byte[] whole = bytes("ä€😀!");
    // "ä" = 2 bytes, "€" = 3 bytes, "😀" = 4 bytes: cut inside the emoji, and inside the euro sign
    byte[] stream =
        concat(
            frame(false, 0, TEXT, Arrays.copyOfRange(whole, 0, 3)),
            frame(false, 0, CONTINUATION, Arrays.copyOfRange(whole, 3, 7)),
            frame(true, 0, CONTINUATION, Arrays.copyOfRange(whole, 7, whole.length)));
    assertThat(decodeAll(stream)).containsExactly("text:ä€😀!");
  }

  @Test
  void messageOfExactlyTheMaximumIsAccepted() {
    String message = "m".repeat(10);
    assertThat(decodeAll(10, text(message))).containsExactly("text:" + message);
    byte[] fragmented =
        concat(frame(false, 0, TEXT, bytes("mmmmm")), frame(true, 0, CONTINUATION, bytes("mmmmm")));
    assertThat(decodeAll(10, fragmented)).containsExactly("text:" + message);
  }

  // ---------------------------------------------------------------- splits

  /** A stream that exercises every kind of frame the decoder reports, ending with a close. */
  private static byte[] mixedStream() {
    return concat(
        text("Hello"),
        text(""),
        frame(true, 0, PING, bytes("p1")),
        frame(false, 0, TEXT, bytes("frag")),
        frame(true, 0, PING, new byte[0]),
        frame(false, 0, CONTINUATION, Arrays.copyOfRange(bytes("ä€😀"), 0, 6)),
        frame(true, 0, PONG, bytes("pong")),
        frame(true, 0, CONTINUATION, Arrays.copyOfRange(bytes("ä€😀"), 6, 9)),
        frame(true, 0, TEXT, bytes("x".repeat(300)), Length.BITS_16),
        frame(true, 0, TEXT, bytes("y".repeat(40)), Length.BITS_64),
        text("ä€😀"),
        closeFrame(1000, "bye"));
  }

  private static final List<String> MIXED_EVENTS =
      List.of(
          "text:Hello",
          "text:",
          "ping:p1",
          "ping:",
          "text:fragä€😀",
          "text:" + "x".repeat(300),
          "text:" + "y".repeat(40),
          "text:ä€😀",
          "close:1000:bye");

  @Test
  void mixedStreamInOneCall() {
    assertThat(decodeAll(mixedStream())).isEqualTo(MIXED_EVENTS);
  }

  @Test
  void everySplitPointGivesTheSameResult() {
    byte[] original = mixedStream();
    for (int split = 0; split <= original.length; split++) {
      byte[] stream = original.clone();
      FrameDecoder decoder = new FrameDecoder(MAX);
      Recorder recorder = new Recorder();
      boolean first = decoder.decode(stream, 0, split, recorder);
      boolean second = decoder.decode(stream, split, stream.length - split, recorder);
      assertThat(recorder.events).as("split at %d", split).isEqualTo(MIXED_EVENTS);
      assertThat(first).as("split at %d", split).isEqualTo(split < original.length);
      assertThat(second).as("split at %d", split).isFalse();
    }
  }

  @Test
  void byteByByteGivesTheSameResult() {
    byte[] stream = mixedStream();
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    for (int i = 0; i < stream.length; i++) {
      boolean more = decoder.decode(stream, i, 1, recorder);
      assertThat(more).as("byte %d", i).isEqualTo(i < stream.length - 1);
    }
    assertThat(recorder.events).isEqualTo(MIXED_EVENTS);
    assertThat(decoder.isDone()).isTrue();
  }

  @Test
  void randomChunksGiveTheSameResult() {
    byte[] original = mixedStream();
    for (int round = 0; round < 200; round++) {
      // copy each chunk into a buffer of its own, at a random offset, as a reader would
      FrameDecoder decoder = new FrameDecoder(MAX);
      Recorder recorder = new Recorder();
      int position = 0;
      while (position < original.length) {
        int length = Math.min(1 + RANDOM.nextInt(20), original.length - position);
        int offset = RANDOM.nextInt(8);
        byte[] buffer = new byte[offset + length + RANDOM.nextInt(8)];
        RANDOM.nextBytes(buffer);
        System.arraycopy(original, position, buffer, offset, length);
        decoder.decode(buffer, offset, length, recorder);
        position += length;
      }
      assertThat(recorder.events).as("round %d", round).isEqualTo(MIXED_EVENTS);
    }
  }

  @Test
  void emptyReadsChangeNothing() {
    byte[] stream = text("abc");
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    assertThat(decoder.decode(stream, 0, 0, recorder)).isTrue();
    assertThat(decoder.decode(stream, 0, 3, recorder)).isTrue();
    assertThat(decoder.decode(stream, 3, 0, recorder)).isTrue();
    assertThat(decoder.decode(stream, 3, stream.length - 3, recorder)).isTrue();
    assertThat(recorder.events).containsExactly("text:abc");
  }

  // ---------------------------------------------------------------- violations

  @Test
  void unmaskedFrameIsAProtocolError() {
    byte[] unmasked = header(true, 0, TEXT, 2, Length.AUTO, null);
    assertViolation(concat(unmasked, bytes("hi")), 1002);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 7})
  void reservedBitsAreAProtocolError(int rsv) {
    assertViolation(frame(true, rsv, TEXT, bytes("hi")), 1002);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5, 6, 7})
  void unknownDataOpcodeIsAProtocolError(int opcode) {
    assertViolation(frame(true, 0, opcode, bytes("x")), 1002);
  }

  @ParameterizedTest
  @ValueSource(ints = {0xB, 0xC, 0xD, 0xE, 0xF})
  void unknownControlOpcodeIsAProtocolError(int opcode) {
    assertViolation(frame(true, 0, opcode, bytes("x")), 1002);
  }

  @Test
  void fragmentedControlFrameIsAProtocolError() {
    assertViolation(frame(false, 0, PING, bytes("x")), 1002);
    assertViolation(frame(false, 0, CLOSE, closePayload(1000, "")), 1002);
  }

  @Test
  void controlFrameLongerThan125IsAProtocolError() {
    assertViolation(frame(true, 0, PING, new byte[126]), 1002);
    assertViolation(frame(true, 0, PONG, new byte[126]), 1002);
    assertViolation(frame(true, 0, CLOSE, closePayload(1000, "r".repeat(124))), 1002);
  }

  @Test
  void controlFrameLengthIsRefusedFromTheHeaderAlone() {
    assertViolation(header(true, 0, PING, 126, Length.AUTO, randomMask()), 1002);
  }

  @Test
  void continuationWithoutAMessageIsAProtocolError() {
    assertViolation(frame(true, 0, CONTINUATION, bytes("x")), 1002);
    assertViolation(frame(false, 0, CONTINUATION, bytes("x")), 1002);
  }

  @Test
  void continuationAfterACompleteMessageIsAProtocolError() {
    assertViolation(
        concat(text("whole"), frame(true, 0, CONTINUATION, bytes("x"))), 1002, "text:whole");
  }

  @Test
  void newTextFrameInsideAFragmentedMessageIsAProtocolError() {
    assertViolation(concat(frame(false, 0, TEXT, bytes("a")), text("b")), 1002);
    assertViolation(
        concat(frame(false, 0, TEXT, bytes("a")), frame(false, 0, TEXT, bytes("b"))), 1002);
  }

  @Test
  void newBinaryFrameInsideAFragmentedTextMessageIsAProtocolError() {
    // the decoder's contract: "a new message does not start inside another (1002)"
    assertViolation(
        concat(frame(false, 0, TEXT, bytes("a")), frame(true, 0, BINARY, bytes("b"))), 1002);
  }

  @Test
  void sixtyFourBitLengthWithTopBitSetIsAProtocolError() {
    assertViolation(header(true, 0, TEXT, Long.MIN_VALUE, Length.BITS_64, randomMask()), 1002);
    assertViolation(header(true, 0, TEXT, -1L, Length.BITS_64, randomMask()), 1002);
  }

  @Test
  void invalidUtf8IsInvalidPayload() {
    assertViolation(frame(true, 0, TEXT, hex("c328")), 1007);
    assertViolation(frame(true, 0, TEXT, hex("61ff62")), 1007);
    assertViolation(frame(true, 0, TEXT, hex("e282")), 1007); // truncated euro sign
    assertViolation(frame(true, 0, TEXT, hex("c0af")), 1007); // overlong "/"
    assertViolation(frame(true, 0, TEXT, hex("f4908080")), 1007); // above U+10FFFF
  }

  @Test
  void loneSurrogateIsInvalidPayload() {
    assertViolation(frame(true, 0, TEXT, hex("eda080")), 1007);
    assertViolation(frame(true, 0, TEXT, hex("41edb08042")), 1007);
  }

  @Test
  void invalidUtf8InAFragmentedMessageIsInvalidPayload() {
    byte[] stream =
        concat(frame(false, 0, TEXT, hex("41e2")), frame(true, 0, CONTINUATION, hex("8228")));
    assertViolation(stream, 1007);
  }

  @Test
  void invalidUtf8SplitOverReadsIsInvalidPayload() {
    byte[] stream = frame(true, 0, TEXT, hex("4142eda08043"));
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    decoder.decode(stream, 0, stream.length - 2, recorder);
    assertThat(recorder.events).isEmpty();
    assertThat(decoder.decode(stream, stream.length - 2, 2, recorder)).isFalse();
    assertThat(recorder.events).containsExactly("violation:1007");
  }

  @Test
  void closeFrameWithOneBytePayloadIsAProtocolError() {
    assertViolation(frame(true, 0, CLOSE, new byte[] {0x03}), 1002);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
  void refusedCloseCodesAreAProtocolError(int code) {
    assertViolation(frame(true, 0, CLOSE, closePayload(code, "")), 1002);
  }

  @ParameterizedTest
  @ValueSource(
      ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
  void acceptedCloseCodesAreReported(int code) {
    assertThat(decodeAll(frame(true, 0, CLOSE, closePayload(code, "reason ä"))))
        .containsExactly("close:" + code + ":reason ä");
  }

  @Test
  void closeReasonThatIsNoUtf8IsInvalidPayload() {
    byte[] payload = concat(closePayload(1000, ""), hex("ff"));
    assertViolation(frame(true, 0, CLOSE, payload), 1007);
    assertViolation(frame(true, 0, CLOSE, concat(closePayload(1000, "ok"), hex("eda080"))), 1007);
  }

  @Test
  void closeFrameWithoutPayloadReportsNoStatus() {
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    assertThat(decoder.decode(frame(true, 0, CLOSE, new byte[0]), 0, 6, recorder)).isFalse();
    assertThat(recorder.events).containsExactly("close:" + FrameDecoder.NO_STATUS + ":");
    assertThat(decoder.isDone()).isTrue();
  }

  @Test
  void closeFrameWithLongestReason() {
    String reason = "r".repeat(123);
    assertThat(decodeAll(closeFrame(4000, reason))).containsExactly("close:4000:" + reason);
  }

  // ---------------------------------------------------------------- too big, binary

  @Test
  void tooBigMessageIsRefusedFromTheHeaderAloneAndControlFramesStillCount() {
    FrameDecoder decoder = new FrameDecoder(10);
    Recorder recorder = new Recorder();
    byte[] header = header(true, 0, TEXT, 11, Length.AUTO, randomMask());
    assertThat(decoder.decode(header, 0, header.length, recorder)).isTrue();
    assertThat(recorder.events).containsExactly("violation:1009");
    assertThat(decoder.isDone()).isFalse();

    byte[] rest =
        concat(
            new byte[11], // the payload of the refused frame
            text("skipped"),
            frame(false, 0, TEXT, bytes("also")),
            frame(true, 0, PING, bytes("still")),
            frame(true, 0, CONTINUATION, bytes(" skipped")),
            frame(true, 0, BINARY, bytes("and this")),
            closeFrame(1000, "bye"));
    assertThat(decoder.decode(rest, 0, rest.length, recorder)).isFalse();
    assertThat(recorder.events).containsExactly("violation:1009", "ping:still", "close:1000:bye");
  }

  @Test
  void hugeSixtyFourBitLengthIsRefusedAsTooBigFromTheHeaderAlone() {
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    byte[] header = header(true, 0, TEXT, 1L << 40, Length.BITS_64, randomMask());
    assertThat(decoder.decode(header, 0, header.length, recorder)).isTrue();
    assertThat(recorder.events).containsExactly("violation:1009");
  }

  @Test
  void tooBigFragmentedMessageIsRefusedAtTheFragmentThatOverflows() {
    FrameDecoder decoder = new FrameDecoder(10);
    Recorder recorder = new Recorder();
    byte[] first = frame(false, 0, TEXT, bytes("123456"));
    decoder.decode(first, 0, first.length, recorder);
    assertThat(recorder.events).isEmpty();
    byte[] second = header(true, 0, CONTINUATION, 5, Length.AUTO, randomMask());
    assertThat(decoder.decode(second, 0, second.length, recorder)).isTrue();
    assertThat(recorder.events).containsExactly("violation:1009");
    byte[] rest = concat(new byte[5], text("skipped"), closeFrame(1001, ""));
    assertThat(decoder.decode(rest, 0, rest.length, recorder)).isFalse();
    assertThat(recorder.events).containsExactly("violation:1009", "close:1001:");
  }

  @Test
  void binaryFrameIsReportedAndALaterCloseFrameToo() {
    byte[] stream =
        concat(
            frame(true, 0, BINARY, hex("00ff10")),
            text("dropped"),
            frame(true, 0, PING, bytes("p")),
            closeFrame(1000, ""));
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    assertThat(decoder.decode(stream, 0, stream.length, recorder)).isFalse();
    assertThat(recorder.events).containsExactly("binary", "ping:p", "close:1000:");
  }

  @Test
  void fragmentedBinaryMessageIsReportedOnce() {
    byte[] stream =
        concat(
            frame(false, 0, BINARY, hex("0102")),
            frame(false, 0, CONTINUATION, hex("0304")),
            frame(true, 0, CONTINUATION, hex("05")),
            closeFrame(1000, ""));
    assertThat(decodeAll(stream)).containsExactly("binary", "close:1000:");
  }

  // ---------------------------------------------------------------- done

  @Test
  void inputAfterACloseFrameIsIgnored() {
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    byte[] stream = concat(closeFrame(1000, "bye"), text("late"), frame(true, 0, PING, bytes("p")));
    assertThat(decoder.decode(stream, 0, stream.length, recorder)).isFalse();
    byte[] more = concat(text("later"), closeFrame(1001, ""), frame(true, 4, TEXT, bytes("x")));
    assertThat(decoder.decode(more, 0, more.length, recorder)).isFalse();
    assertThat(recorder.events).containsExactly("close:1000:bye");
    assertThat(decoder.isDone()).isTrue();
  }

  @Test
  void inputAfterAViolationIsIgnored() {
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    byte[] stream = concat(frame(true, 0, CONTINUATION, bytes("x")), text("late"));
    assertThat(decoder.decode(stream, 0, stream.length, recorder)).isFalse();
    byte[] more = concat(text("later"), closeFrame(1000, ""), frame(true, 0, PING, bytes("p")));
    assertThat(decoder.decode(more, 0, more.length, recorder)).isFalse();
    assertThat(recorder.events).containsExactly("violation:1002");
    assertThat(decoder.isDone()).isTrue();
  }

  @Test
  void notDoneWhileMessagesFlow() {
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    byte[] stream = concat(text("a"), frame(true, 0, PING, bytes("p")));
    assertThat(decoder.decode(stream, 0, stream.length, recorder)).isTrue();
    assertThat(decoder.isDone()).isFalse();
  }

  // ---------------------------------------------------------------- helpers

  /** How a frame's payload length is written. */
  private enum Length {
    /** The shortest encoding, as the RFC asks. */
    AUTO,
    BITS_7,
    BITS_16,
    BITS_64
  }

  /** A recording listener: one string per event, in order. */
  private static final class Recorder implements FrameDecoder.Listener {
    final List<String> events = new ArrayList<>();

    @Override
    public void textMessage(String message) {
      events.add("text:" + message);
    }

    @Override
    public void binaryMessage() {
      events.add("binary");
    }

    @Override
    public void ping(byte[] payload) {
      boolean printable = true;
      for (byte b : payload) {
        printable &= b >= 0x20 && b < 0x7F;
      }
      events.add(
          "ping:" + (printable ? new String(payload, UTF_8) : HexFormat.of().formatHex(payload)));
    }

    @Override
    public void closeFrame(int code, String reason) {
      events.add("close:" + code + ":" + reason);
    }

    @Override
    public void violation(CloseCode code, String reason) {
      assertThat(reason).isNotBlank();
      events.add("violation:" + code.code());
    }
  }

  private static List<String> decodeAll(byte[] stream) {
    return decodeAll(MAX, stream);
  }

  private static List<String> decodeAll(int maxMessageBytes, byte[] stream) {
    Recorder recorder = new Recorder();
    new FrameDecoder(maxMessageBytes).decode(stream.clone(), 0, stream.length, recorder);
    return recorder.events;
  }

  /**
   * Asserts that {@code stream}, in one call, ends the decoder with a violation of {@code code}.
   */
  private static void assertViolation(byte[] stream, int code, String... before) {
    FrameDecoder decoder = new FrameDecoder(MAX);
    Recorder recorder = new Recorder();
    boolean more = decoder.decode(stream.clone(), 0, stream.length, recorder);
    List<String> expected = new ArrayList<>(List.of(before));
    expected.add("violation:" + code);
    assertThat(recorder.events).isEqualTo(expected);
    assertThat(more).isFalse();
    assertThat(decoder.isDone()).isTrue();
  }

  private static byte[] text(String text) {
    return frame(true, 0, TEXT, bytes(text));
  }

  private static byte[] closeFrame(int code, String reason) {
    return frame(true, 0, CLOSE, closePayload(code, reason));
  }

  private static byte[] closePayload(int code, String reason) {
    return concat(new byte[] {(byte) (code >>> 8), (byte) code}, bytes(reason));
  }

  private static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
    return frame(fin, rsv, opcode, payload, Length.AUTO);
  }

  /** A masked client frame with a random mask key. */
  private static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, Length length) {
    byte[] mask = randomMask();
    byte[] header = header(fin, rsv, opcode, payload.length, length, mask);
    byte[] masked = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      masked[i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    return concat(header, masked);
  }

  private static byte[] randomMask() {
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    return mask;
  }

  /**
   * A frame header declaring {@code length} bytes of payload, masked with {@code mask} unless it is
   * {@code null}.
   */
  private static byte[] header(
      boolean fin, int rsv, int opcode, long length, Length encoding, byte[] mask) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    int maskBit = mask == null ? 0 : 0x80;
    if (encoding == Length.AUTO) {
      encoding = length < 126 ? Length.BITS_7 : length <= 0xFFFF ? Length.BITS_16 : Length.BITS_64;
    }
    switch (encoding) {
      case BITS_7 -> out.write(maskBit | (int) length);
      case BITS_16 -> {
        out.write(maskBit | 126);
        out.write((int) (length >>> 8) & 0xFF);
        out.write((int) length & 0xFF);
      }
      default -> {
        out.write(maskBit | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (length >>> shift) & 0xFF);
        }
      }
    }
    if (mask != null) {
      out.writeBytes(mask);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
