package org.cdswebsocket.ws.endpoint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.cdswebsocket.spi.CloseCode;

/**
 * Decodes the frames of one client connection (RFC 6455, section 5) from its bytes as they arrive,
 * split anywhere: in the middle of a header, of a mask or of a payload.
 *
 * <p>What it enforces, each answered through {@link Listener#violation} with the close code the RFC
 * asks for: client frames are masked, reserved bits are clear and opcodes known (1002); control
 * frames are at most 125 bytes and not fragmented (1002); continuation frames continue a message
 * and a new message does not start inside another (1002); a 64-bit length has its top bit clear
 * (1002); a text message and a close reason are valid UTF-8 (1007); a close frame carries no
 * payload, or a valid code (1002); a message is at most {@code maxMessageBytes} long (1009, decided
 * from the frame header, before its payload is read). A binary frame is reported to {@link
 * Listener#binaryMessage} (the formats are text formats). After a close frame or a protocol error
 * the decoder is done and ignores further input; after a message that is too long or binary it
 * drops every data frame but still reports control frames, so that the client's answer to the
 * server's close frame is read.
 *
 * <p>Memory: a text message that arrives in one frame within one read is decoded from the read
 * buffer itself (which is unmasked in place); only a message split over frames or reads is copied
 * into a buffer of its own, which grows up to the message's size and is dropped when it ends.
 *
 * <p>Not thread-safe: a connection's reads are decoded one at a time.
 */
final class FrameDecoder {

  /** The close code reported for a close frame without a payload ("no status received"). */
  static final int NO_STATUS = 1005;

  static final int OP_CONTINUATION = 0x0;
  static final int OP_TEXT = 0x1;
  static final int OP_BINARY = 0x2;
  static final int OP_CLOSE = 0x8;
  static final int OP_PING = 0x9;
  static final int OP_PONG = 0xA;

  private static final int MAX_CONTROL_PAYLOAD = 125;

  /** What the decoder found; called on the reading thread, in the order of the input. */
  interface Listener {
    /** A whole text message. */
    void textMessage(String message);

    /** The start of a binary message. */
    void binaryMessage();

    /** A ping with its payload (to be answered with a pong carrying the same payload). */
    void ping(byte[] payload);

    /** A close frame: its code ({@link #NO_STATUS} when it had none) and reason. */
    void closeFrame(int code, String reason);

    /** The client broke the protocol; the connection is to be closed with {@code code}. */
    void violation(CloseCode code, String reason);
  }

  private final int maxMessageBytes;
  private final byte[] header = new byte[14];
  private int headerFill;

  // the frame whose payload is being read
  private boolean inPayload;
  private boolean fin;
  private int opcode;
  private long remaining;
  private int mask;
  private int maskOffset;

  // a text message split over frames or reads
  private boolean fragmented;
  private byte[] message;
  private int messageLength;

  // the payload of a control frame
  private byte[] control;
  private int controlLength;

  private boolean done;
  private boolean discarding;

  /**
   * @param maxMessageBytes the longest text message accepted, in bytes of UTF-8
   */
  FrameDecoder(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Whether a close frame or a protocol violation ended the decoding. */
  boolean isDone() {
    return done;
  }

  /**
   * Decodes {@code length} bytes from {@code buffer}; the bytes are unmasked in place.
   *
   * @return {@code false} once the decoder is done (see {@link #isDone})
   */
  boolean decode(byte[] buffer, int offset, int length, Listener listener) {
    int end = offset + length;
    while (offset < end && !done) {
      if (inPayload) {
        offset = readPayload(buffer, offset, end, listener);
      } else {
        offset = readHeader(buffer, offset, end, listener);
      }
    }
    return !done;
  }

  private int readHeader(byte[] buffer, int offset, int end, Listener listener) {
    while (offset < end) {
      header[headerFill++] = buffer[offset++];
      if (headerFill >= 2 && headerFill == headerSize()) {
        headerFill = 0;
        startFrame(listener);
        if (!done && inPayload && remaining == 0) {
          endFrame(listener);
        }
        return offset;
      }
    }
    return offset;
  }

  private int headerSize() {
    int second = header[1] & 0xFF;
    int length = second & 0x7F;
    int extended = length == 126 ? 2 : length == 127 ? 8 : 0;
    return 2 + extended + ((second & 0x80) != 0 ? 4 : 0);
  }

  private void startFrame(Listener listener) {
    int first = header[0] & 0xFF;
    int second = header[1] & 0xFF;
    fin = (first & 0x80) != 0;
    opcode = first & 0x0F;
    if ((first & 0x70) != 0) {
      fail(listener, CloseCode.PROTOCOL_ERROR, "Reserved bits set (no extension was negotiated)");
      return;
    }
    if ((second & 0x80) == 0) {
      fail(listener, CloseCode.PROTOCOL_ERROR, "Client frames must be masked");
      return;
    }
    long length = second & 0x7F;
    int position = 2;
    if (length == 126) {
      length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
      position = 4;
    } else if (length == 127) {
      length = 0;
      for (int i = 2; i < 10; i++) {
        length = (length << 8) | (header[i] & 0xFF);
      }
      position = 10;
      if (length < 0) {
        fail(listener, CloseCode.PROTOCOL_ERROR, "Frame length out of range");
        return;
      }
    }
    mask =
        ((header[position] & 0xFF) << 24)
            | ((header[position + 1] & 0xFF) << 16)
            | ((header[position + 2] & 0xFF) << 8)
            | (header[position + 3] & 0xFF);
    maskOffset = 0;
    remaining = length;
    if (opcode >= OP_CLOSE) {
      startControlFrame(listener, length);
    } else {
      startDataFrame(listener, length);
    }
  }

  private void startControlFrame(Listener listener, long length) {
    if (opcode != OP_CLOSE && opcode != OP_PING && opcode != OP_PONG) {
      fail(listener, CloseCode.PROTOCOL_ERROR, "Unknown opcode " + opcode);
    } else if (!fin) {
      fail(listener, CloseCode.PROTOCOL_ERROR, "Fragmented control frame");
    } else if (length > MAX_CONTROL_PAYLOAD) {
      fail(listener, CloseCode.PROTOCOL_ERROR, "Control frame longer than 125 bytes");
    } else {
      control = new byte[(int) length];
      controlLength = 0;
      inPayload = true;
    }
  }

  private void startDataFrame(Listener listener, long length) {
    if (discarding) {
      remaining = length;
      inPayload = length > 0;
      return;
    }
    switch (opcode) {
      case OP_BINARY -> {
        if (fragmented) {
          fail(listener, CloseCode.PROTOCOL_ERROR, "New message before the previous one ended");
          return;
        }
        discardFrom(length);
        listener.binaryMessage();
        return;
      }
      case OP_TEXT -> {
        if (fragmented) {
          fail(listener, CloseCode.PROTOCOL_ERROR, "New message before the previous one ended");
          return;
        }
        fragmented = !fin;
      }
      case OP_CONTINUATION -> {
        if (!fragmented) {
          fail(listener, CloseCode.PROTOCOL_ERROR, "Continuation frame without a message");
          return;
        }
      }
      default -> {
        fail(listener, CloseCode.PROTOCOL_ERROR, "Unknown opcode " + opcode);
        return;
      }
    }
    if (messageLength + length > maxMessageBytes) {
      discardFrom(length);
      listener.violation(CloseCode.TOO_BIG, "Message longer than " + maxMessageBytes + " bytes");
      return;
    }
    inPayload = true;
  }

  /**
   * From the current frame on, drops data frames (the rest of this one's {@code length} bytes
   * included) and reports only control frames, so that the client's answer to the server's close is
   * still read.
   */
  private void discardFrom(long length) {
    discarding = true;
    fragmented = false;
    message = null;
    messageLength = 0;
    remaining = length;
    inPayload = length > 0;
  }

  private int readPayload(byte[] buffer, int offset, int end, Listener listener) {
    int count = (int) Math.min(remaining, end - offset);
    if (discarding && opcode < OP_CLOSE) {
      remaining -= count;
      inPayload = remaining > 0;
      return offset + count;
    }
    unmask(buffer, offset, count);
    if (opcode >= OP_CLOSE) {
      System.arraycopy(buffer, offset, control, controlLength, count);
      controlLength += count;
    } else if (fin && count == remaining && messageLength == 0 && message == null) {
      // the whole message is here: decode it from the read buffer
      inPayload = false;
      fragmented = false;
      deliver(buffer, offset, count, listener);
      return offset + count;
    } else {
      append(buffer, offset, count);
    }
    remaining -= count;
    if (remaining == 0) {
      endFrame(listener);
    }
    return offset + count;
  }

  private void unmask(byte[] buffer, int offset, int count) {
    int shift = 24 - 8 * maskOffset;
    for (int i = offset, stop = offset + count; i < stop; i++) {
      buffer[i] ^= (byte) (mask >>> shift);
      shift = shift == 0 ? 24 : shift - 8;
    }
    maskOffset = (maskOffset + count) & 3;
  }

  private void append(byte[] buffer, int offset, int count) {
    int needed = messageLength + count;
    if (message == null || message.length < needed) {
      int size = message == null ? needed : Math.max(needed, message.length * 2);
      byte[] grown = new byte[Math.min(Math.max(size, 256), maxMessageBytes)];
      if (message != null) {
        System.arraycopy(message, 0, grown, 0, messageLength);
      }
      message = grown;
    }
    System.arraycopy(buffer, offset, message, messageLength, count);
    messageLength = needed;
  }

  private void endFrame(Listener listener) {
    inPayload = false;
    if (opcode >= OP_CLOSE) {
      byte[] payload = control;
      control = null;
      endControlFrame(payload, listener);
    } else if (fin) {
      byte[] whole = message;
      int length = messageLength;
      message = null;
      messageLength = 0;
      fragmented = false;
      deliver(whole == null ? new byte[0] : whole, 0, length, listener);
    }
  }

  private void endControlFrame(byte[] payload, Listener listener) {
    switch (opcode) {
      case OP_PING -> listener.ping(payload);
      case OP_CLOSE -> closeFrame(payload, listener);
      default -> {} // a pong: nothing to do
    }
  }

  private void closeFrame(byte[] payload, Listener listener) {
    if (payload.length == 0) {
      done = true;
      listener.closeFrame(NO_STATUS, "");
      return;
    }
    if (payload.length == 1) {
      fail(listener, CloseCode.PROTOCOL_ERROR, "Close frame with a one-byte payload");
      return;
    }
    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    if (!validCloseCode(code)) {
      fail(listener, CloseCode.PROTOCOL_ERROR, "Invalid close code " + code);
      return;
    }
    String reason;
    try {
      reason = utf8(payload, 2, payload.length - 2);
    } catch (CharacterCodingException e) {
      fail(listener, CloseCode.INVALID_PAYLOAD, "Close reason is not valid UTF-8");
      return;
    }
    done = true;
    listener.closeFrame(code, reason);
  }

  /** The codes a close frame may carry (RFC 6455 section 7.4 and the IANA registry). */
  static boolean validCloseCode(int code) {
    return (code >= 1000 && code <= 1003)
        || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
  }

  private void deliver(byte[] buffer, int offset, int length, Listener listener) {
    String text;
    try {
      text = utf8(buffer, offset, length);
    } catch (CharacterCodingException e) {
      fail(listener, CloseCode.INVALID_PAYLOAD, "Text message is not valid UTF-8");
      return;
    }
    listener.textMessage(text);
  }

  /** Decodes strict UTF-8: malformed input and surrogates are errors, not replaced. */
  static String utf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
    for (int i = offset, end = offset + length; i < end; i++) {
      if (bytes[i] < 0) {
        return StandardCharsets.UTF_8
            .newDecoder()
            .decode(ByteBuffer.wrap(bytes, offset, length))
            .toString();
      }
    }
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1); // all ASCII
  }

  private void fail(Listener listener, CloseCode code, String reason) {
    done = true;
    message = null;
    control = null;
    listener.violation(code, reason);
  }
}
