package org.cdswebsocket.dispatch;

import org.cdswebsocket.spi.WebSocketSettings;

/**
 * Bounds on what one client may make the server hold: the number of contexts a socket is in, the
 * length of one context name and of the client identifier ({@code ?id=}). Requests beyond them are
 * refused (contexts: error 400, nothing applied; identifier: the connect is refused). Immutable.
 *
 * @param maxContexts the most contexts one socket can be in ({@code cds.websocket.limits.contexts})
 * @param maxContextLength the longest context name, in characters ({@code
 *     cds.websocket.limits.context-length})
 * @param maxIdentifierLength the longest client identifier, in characters ({@code
 *     cds.websocket.limits.identifier-length})
 */
public record ClientLimits(int maxContexts, int maxContextLength, int maxIdentifierLength) {

  /** 100 contexts of at most 256 characters, identifiers of at most 256 characters. */
  public static final ClientLimits DEFAULT = new ClientLimits(100, 256, 256);

  public ClientLimits {
    if (maxContexts < 0 || maxContextLength < 1 || maxIdentifierLength < 1) {
      throw new IllegalArgumentException(
          "cds.websocket.limits.* must be positive (contexts may be 0): "
              + maxContexts
              + ", "
              + maxContextLength
              + ", "
              + maxIdentifierLength);
    }
  }

  /** The limits configured under {@code cds.websocket.limits.*}. */
  public static ClientLimits from(WebSocketSettings.Limits limits) {
    return new ClientLimits(limits.contexts(), limits.contextLength(), limits.identifierLength());
  }
}
