package org.cdswebsocket.it.protocol;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.cdswebsocket.test.WsTestClient;

/**
 * A websocket client on a plain socket that sends exactly the bytes a test asks for (masked or not,
 * any opcode, reserved bits, fragments) and reads the server's frames one by one. Not thread-safe.
 */
final class RawWsClient implements AutoCloseable {

  /** A frame from the server. */
  record Frame(boolean fin, int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    int closeCode() {
      return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String response;

  private RawWsClient(Socket socket, String response) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.response = response;
  }

  /** Connects and sends an upgrade request with {@code extraHeaders} (each ending in CRLF). */
  static RawWsClient upgrade(int port, String path, String user, String extraHeaders)
      throws IOException {
    return upgrade(port, path, user, extraHeaders, 0);
  }

  private static RawWsClient upgrade(
      int port, String path, String user, String extraHeaders, int receiveBuffer)
      throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer); // fixed: the kernel does not grow it
    }
    socket.connect(new java.net.InetSocketAddress("localhost", port));
    socket.setSoTimeout(10_000);
    String key = Base64.getEncoder().encodeToString(new byte[16]);
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: localhost:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Authorization: "
            + WsTestClient.basic(user, user)
            + "\r\n"
            + extraHeaders
            + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    return new RawWsClient(socket, readHead(socket.getInputStream()));
  }

  /** Connects with a valid version-13 handshake and checks that it was switched. */
  static RawWsClient connect(int port, String path, String user) throws IOException {
    return connect(port, path, user, 0);
  }

  /**
   * Connects with a valid handshake and a socket receive buffer of {@code receiveBuffer} bytes (0:
   * the system's default, which the kernel grows to megabytes), for clients that stop reading.
   */
  static RawWsClient connect(int port, String path, String user, int receiveBuffer)
      throws IOException {
    RawWsClient client =
        upgrade(
            port,
            path,
            user,
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString("0123456789abcdef".getBytes())
                + "\r\n",
            receiveBuffer);
    if (client.status() != 101) {
      client.close();
      throw new IOException("Not switched: " + client.response);
    }
    return client;
  }

  /** The status code of the handshake response. */
  int status() {
    return Integer.parseInt(response.substring(9, 12));
  }

  /** The handshake response's head. */
  String response() {
    return response;
  }

  /** Sends one frame; {@code first} is the first header byte (FIN, RSV bits and opcode). */
  void sendFrame(int first, byte[] payload, boolean masked) throws IOException {
    out.write(frame(first, payload, masked));
    out.flush();
  }

  /** Sends a masked, final text frame. */
  void sendText(String text) throws IOException {
    sendFrame(0x81, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Sends raw bytes. */
  void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** One client frame's bytes. */
  static byte[] frame(int first, byte[] payload, boolean masked) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(first);
    int maskBit = masked ? 0x80 : 0;
    int length = payload.length;
    if (length < 126) {
      bytes.write(maskBit | length);
    } else if (length <= 0xFFFF) {
      bytes.write(maskBit | 126);
      bytes.write(length >>> 8);
      bytes.write(length);
    } else {
      bytes.write(maskBit | 127);
      for (int i = 7; i >= 0; i--) {
        bytes.write((int) ((long) length >>> (8 * i)));
      }
    }
    byte[] mask = new byte[4];
    if (masked) {
      ThreadLocalRandom.current().nextBytes(mask);
      bytes.write(mask, 0, 4);
    }
    for (int i = 0; i < length; i++) {
      bytes.write(payload[i] ^ mask[i & 3]);
    }
    return bytes.toByteArray();
  }

  /** The next frame from the server; fails after 10 s of silence. */
  Frame next() throws IOException {
    int first = readByte();
    int second = readByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = (readByte() << 8) | readByte();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | readByte();
      }
    }
    if ((second & 0x80) != 0) {
      throw new IOException("The server masked a frame");
    }
    byte[] payload = in.readNBytes((int) length);
    if (payload.length != length) {
      throw new EOFException("Frame cut short");
    }
    return new Frame((first & 0x80) != 0, first & 0x0F, payload);
  }

  /** The next frame that is no text frame (skipping the server's events). */
  Frame nextControl() throws IOException {
    Frame frame = next();
    while (frame.opcode() == 0x1) {
      frame = next();
    }
    return frame;
  }

  /** Whether the server closed the TCP connection (end of stream within 10 s). */
  boolean serverClosedSocket() throws IOException {
    try {
      while (true) {
        if (in.read() == -1) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset: closed as well
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("The server closed the connection");
    }
    return b;
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
