package org.cdswebsocket.spi;

import java.util.Objects;

/**
 * One websocket endpoint an adapter serves: the path clients connect to and the CDS service behind
 * it. Immutable.
 *
 * @param path the absolute path, e.g. {@code /ws/chat} (the Socket.IO namespace for kind {@code
 *     socket.io})
 * @param serviceName the qualified CDS service name
 * @param format the name of the endpoint's message format
 */
public record Endpoint(String path, String serviceName, String format) {

  public Endpoint {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(format, "format");
  }
}
