package org.cdswebsocket.format;

import java.util.List;
import org.cdswebsocket.spi.WebSocketKind;

/**
 * A message format: a pure codec between what travels on a socket and CAP events and operation
 * calls. This is a public extension point: the built-in formats {@code json}, {@code pcp}, {@code
 * cloudevent}, {@code cloudevents} and {@code generic} implement it, and applications add their own
 * (selected with {@code @ws.format: '<name>'} or {@code cds.websocket.format}), found by class
 * name, as a Spring bean or through {@link java.util.ServiceLoader} (see {@link MessageFormats}).
 *
 * <p>A format sees the modelled event or the endpoint's operations, the emit headers and the
 * transport kind, so it can map annotations ({@code @ws.<format>.<attribute>}) and elements. It
 * never does I/O and never sees sessions.
 *
 * <pre>{@code
 * public final class PlainTextFormat implements MessageFormat {
 *   public String name() { return "text"; }
 *   public InboundMessage parse(ParseRequest in) {
 *     return new InboundMessage("message", Map.of("text", String.valueOf(in.payload())), Map.of());
 *   }
 *   public Object compose(ComposeRequest out) {
 *     return out.event() + ": " + out.data();
 *   }
 * }
 * }</pre>
 *
 * <p>Lifecycle: one instance per application, created at start-up. Threading: {@link #parse} and
 * {@link #compose} are called concurrently from many threads; implementations must be stateless or
 * thread-safe. Errors: {@link #parse} throws {@link FormatException} for input it cannot read (the
 * client gets an error acknowledgement on socket.io, a log line on kind ws; the socket stays open);
 * {@link #compose} should not throw for data of the modelled event.
 */
public interface MessageFormat {

  /** The name used in {@code @ws.format} and {@code cds.websocket.format}. */
  String name();

  /**
   * WebSocket subprotocols ({@code Sec-WebSocket-Protocol}) this format speaks, e.g. {@code
   * v10.pcp.sap.com}. When a client offers one of them on kind ws, it is selected; otherwise the
   * first offered protocol is echoed, as the Node plugin does.
   */
  default List<String> subprotocols() {
    return List.of();
  }

  /**
   * Parses one inbound message into the operation or event to call.
   *
   * @throws FormatException if the message is not valid in this format or names no operation
   */
  InboundMessage parse(ParseRequest request);

  /**
   * Composes one outbound message: a {@link String} (a text frame, or the string argument on
   * socket.io) or, for {@link WebSocketKind#SOCKET_IO}, a JSON-compatible value.
   */
  Object compose(ComposeRequest request);
}
