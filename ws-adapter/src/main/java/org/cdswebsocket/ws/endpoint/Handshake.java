package org.cdswebsocket.ws.endpoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The server side of the opening handshake (RFC 6455, section 4.2): checks an upgrade request and
 * writes the 101 response's headers. No extension is negotiated (permessage-deflate is not
 * offered), so clients send and expect plain frames.
 *
 * <p>Subprotocols ({@code Sec-WebSocket-Protocol}): when the client offers any, the first one the
 * endpoint's format claims (e.g. PCP's {@code v10.pcp.sap.com}) is selected, else the first one
 * offered is echoed, as the Node plugin does; browsers close a socket whose offered protocol is not
 * answered. Stateless and thread-safe.
 */
final class Handshake {

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private Handshake() {}

  /** Why a request cannot be upgraded: the HTTP status and a message for the client. */
  record Refusal(int status, String message) {}

  /** The refusal of a request that is no valid opening handshake, or {@code null} if it is one. */
  static Refusal check(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "A WebSocket upgrade must be a GET");
    }
    if (!hasToken(request, "Connection", "upgrade")) {
      return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Connection: Upgrade is missing");
    }
    if (!"13".equals(trim(request.getHeader("Sec-WebSocket-Version")))) {
      return new Refusal(426, "Only WebSocket version 13 is supported");
    }
    String key = trim(request.getHeader("Sec-WebSocket-Key"));
    if (!validKey(key)) {
      return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Invalid Sec-WebSocket-Key");
    }
    return null;
  }

  /** Answers a refusal; version refusals name the supported version, as the RFC asks. */
  static void refuse(HttpServletResponse response, Refusal refusal) throws java.io.IOException {
    if (refusal.status() == 426) {
      response.setHeader("Sec-WebSocket-Version", "13");
    }
    response.sendError(refusal.status(), refusal.message());
  }

  /**
   * Sets the 101 response of a checked request.
   *
   * @param claimedSubprotocols the subprotocols the endpoint's format claims
   */
  static void accept(
      HttpServletRequest request, HttpServletResponse response, List<String> claimedSubprotocols) {
    response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
    response.setHeader("Upgrade", "websocket");
    response.setHeader("Connection", "Upgrade");
    response.setHeader(
        "Sec-WebSocket-Accept", acceptKey(trim(request.getHeader("Sec-WebSocket-Key"))));
    String protocol = negotiate(claimedSubprotocols, offeredSubprotocols(request));
    if (!protocol.isEmpty()) {
      response.setHeader("Sec-WebSocket-Protocol", protocol);
    }
  }

  /** The claimed protocol the client offers, else the first offered one, else none ({@code ""}). */
  static String negotiate(List<String> claimed, List<String> offered) {
    if (offered == null || offered.isEmpty()) {
      return "";
    }
    return offered.stream().filter(claimed::contains).findFirst().orElse(offered.get(0));
  }

  /** The value of {@code Sec-WebSocket-Accept} for a client's key. */
  static String acceptKey(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM offers no SHA-1", e);
    }
  }

  private static List<String> offeredSubprotocols(HttpServletRequest request) {
    List<String> offered = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders("Sec-WebSocket-Protocol"))) {
      for (String token : header.split(",")) {
        String protocol = token.trim();
        if (!protocol.isEmpty()) {
          offered.add(protocol);
        }
      }
    }
    return offered;
  }

  private static boolean hasToken(HttpServletRequest request, String header, String token) {
    for (String value : Collections.list(request.getHeaders(header))) {
      for (String part : value.split(",")) {
        if (part.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean validKey(String key) {
    if (key == null || key.length() != 24) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(key).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
