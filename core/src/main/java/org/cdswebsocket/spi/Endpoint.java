package org.cdswebsocket.spi;

import java.util.List;
import java.util.Objects;

/**
 * One websocket endpoint an adapter serves: the path clients connect to and the CDS service behind
 * it. Immutable.
 *
 * @param path the absolute path, e.g. {@code /ws/chat} (the Socket.IO namespace for kind {@code
 *     socket.io})
 * @param serviceName the qualified CDS service name
 * @param format the name of the endpoint's message format
 * @param subprotocols the WebSocket subprotocols its format claims ({@code Sec-WebSocket-Protocol},
 *     e.g. {@code v10.pcp.sap.com}); kind ws selects one of them when a client offers it, else it
 *     echoes the first offered protocol
 */
public record Endpoint(String path, String serviceName, String format, List<String> subprotocols) {

  public Endpoint {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(format, "format");
    subprotocols = subprotocols == null ? List.of() : List.copyOf(subprotocols);
  }

  /** An endpoint whose format claims no subprotocol. */
  public Endpoint(String path, String serviceName, String format) {
    this(path, serviceName, format, List.of());
  }
}
