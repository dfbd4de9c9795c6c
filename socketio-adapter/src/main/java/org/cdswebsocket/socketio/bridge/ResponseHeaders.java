package org.cdswebsocket.socketio.bridge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/** Copies the library's response headers onto a servlet response. */
final class ResponseHeaders {

  private ResponseHeaders() {}

  /**
   * Copies every header except those the container owns (length, connection, transfer encoding) and
   * the library's {@code io} session cookie (a session id is never stored in a cookie here).
   */
  static void copy(HttpHeaders from, HttpServletResponse to) {
    copy(from, to, false);
  }

  /**
   * As {@link #copy(HttpHeaders, HttpServletResponse)}; a protocol switch keeps {@code Connection}.
   */
  static void copy(HttpHeaders from, HttpServletResponse to, boolean switching) {
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey();
      if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
          || (!switching && HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(name))
          || HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)
          || HttpHeaderNames.SET_COOKIE.contentEqualsIgnoreCase(name)) {
        continue;
      }
      to.addHeader(name, header.getValue());
    }
  }
}
