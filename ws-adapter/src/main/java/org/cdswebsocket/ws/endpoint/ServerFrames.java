package org.cdswebsocket.ws.endpoint;

import java.nio.charset.StandardCharsets;

/**
 * Builds the frames the server sends (RFC 6455, section 5): unmasked, unfragmented, header and
 * payload in one array, so that one frame is one write and the same array serves every recipient of
 * a broadcast. Stateless and thread-safe.
 */
final class ServerFrames {

  /** The longest close reason that fits a control frame after its two-byte code. */
  static final int MAX_CLOSE_REASON_BYTES = 123;

  private ServerFrames() {}

  /** A text frame carrying {@code text} as UTF-8. */
  static byte[] text(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    return frame(FrameDecoder.OP_TEXT, payload, payload.length);
  }

  /**
   * A close frame with {@code code} and {@code reason} (cut to {@value #MAX_CLOSE_REASON_BYTES}
   * bytes at a character boundary), or without a payload when {@code code} is {@link
   * FrameDecoder#NO_STATUS}.
   */
  static byte[] close(int code, String reason) {
    if (code == FrameDecoder.NO_STATUS) {
      return frame(FrameDecoder.OP_CLOSE, new byte[0], 0);
    }
    byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
    int length = text.length;
    if (length > MAX_CLOSE_REASON_BYTES) {
      length = MAX_CLOSE_REASON_BYTES;
      while (length > 0 && (text[length] & 0xC0) == 0x80) {
        length--; // do not cut a character in two
      }
    }
    byte[] payload = new byte[2 + length];
    payload[0] = (byte) (code >>> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, length);
    return frame(FrameDecoder.OP_CLOSE, payload, payload.length);
  }

  /** A pong answering a ping with {@code payload}. */
  static byte[] pong(byte[] payload) {
    return frame(FrameDecoder.OP_PONG, payload, payload.length);
  }

  /** Whether {@code frame} (built here) is a close frame. */
  static boolean isClose(byte[] frame) {
    return (frame[0] & 0x0F) == FrameDecoder.OP_CLOSE;
  }

  private static byte[] frame(int opcode, byte[] payload, int length) {
    int headerSize = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    byte[] frame = new byte[headerSize + length];
    frame[0] = (byte) (0x80 | opcode);
    if (length < 126) {
      frame[1] = (byte) length;
    } else if (length <= 0xFFFF) {
      frame[1] = 126;
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    } else {
      frame[1] = 127;
      for (int i = 0; i < 8; i++) {
        frame[9 - i] = (byte) ((long) length >>> (8 * i));
      }
    }
    System.arraycopy(payload, 0, frame, headerSize, length);
    return frame;
  }
}
