package org.cdswebsocket.socketio.protocol;

/**
 * One decoded Socket.IO v5 packet (the part after the Engine.IO {@code 4} message prefix).
 *
 * <p>Immutable. The payload is plain JSON ({@code Map}, {@code List}, {@code String}, numbers,
 * booleans) decoded generically, whatever the event, so that no argument is lost (netty-socketio
 * gap G5).
 *
 * @param type the packet type, one of the {@code CONNECT}..{@code BINARY_ACK} constants
 * @param namespace the namespace, {@code /} for the root namespace
 * @param ackId the acknowledgement id, or {@code null}
 * @param attachments the number of binary attachments announced (binary packets only)
 * @param payload the decoded JSON payload, or {@code null} when absent
 */
public record SioPacket(int type, String namespace, Long ackId, int attachments, Object payload) {

  /** {@code 0}: connect to a namespace; the payload is the optional {@code auth} object. */
  public static final int CONNECT = 0;

  /** {@code 1}: leave a namespace. */
  public static final int DISCONNECT = 1;

  /** {@code 2}: an event; the payload is {@code [name, ...args]}. */
  public static final int EVENT = 2;

  /** {@code 3}: an acknowledgement; the payload is the argument array. */
  public static final int ACK = 3;

  /** {@code 4}: a refused namespace connection (server to client only). */
  public static final int CONNECT_ERROR = 4;

  /** {@code 5}: an event with binary attachments. */
  public static final int BINARY_EVENT = 5;

  /** {@code 6}: an acknowledgement with binary attachments. */
  public static final int BINARY_ACK = 6;

  /** The root namespace as written on the wire. */
  public static final String ROOT = "/";

  /** Whether this packet announces binary attachments. */
  public boolean isBinary() {
    return type == BINARY_EVENT || type == BINARY_ACK;
  }

  /** Whether the sender asked for an acknowledgement. */
  public boolean wantsAck() {
    return ackId != null;
  }
}
