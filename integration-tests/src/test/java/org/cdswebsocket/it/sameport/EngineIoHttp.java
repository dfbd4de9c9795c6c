package org.cdswebsocket.it.sameport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw Engine.IO v4 requests against the app's own port, with JDK clients: lets tests send exactly
 * the requests an attacker would (someone else's sid, no credentials, forged payloads).
 */
final class EngineIoHttp {

  private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
  private final int port;

  EngineIoHttp(int port) {
    this.port = port;
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  /** A polling GET with the given query; {@code user} null sends no credentials. */
  HttpResponse<String> get(String user, String query) throws Exception {
    return send(user, query, HttpRequest.newBuilder().GET());
  }

  /** A polling GET with a literal {@code Authorization} header. */
  HttpResponse<String> getWithAuthorization(String authorization, String query) throws Exception {
    return send(null, query, HttpRequest.newBuilder().GET().header("Authorization", authorization));
  }

  /** A polling GET with literal headers (name, value, name, value, ...). */
  HttpResponse<String> getWithHeaders(String query, String... headers) throws Exception {
    return send(null, query, HttpRequest.newBuilder().GET().headers(headers));
  }

  /** A polling POST of an Engine.IO payload. */
  HttpResponse<String> post(String user, String query, String payload) throws Exception {
    return send(
        user,
        query,
        HttpRequest.newBuilder()
            .header("Content-Type", "text/plain;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(payload)));
  }

  private HttpResponse<String> send(String user, String query, HttpRequest.Builder builder)
      throws Exception {
    builder.uri(URI.create("http://127.0.0.1:" + port + "/socket.io/?" + query)).timeout(WAIT);
    if (user != null) {
      builder.header("Authorization", basic(user));
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a polling session as {@code user} and returns its sid. */
  String handshake(String user) throws Exception {
    HttpResponse<String> open = get(user, "EIO=4&transport=polling");
    if (open.statusCode() != 200 || !open.body().startsWith("0{")) {
      throw new AssertionError("handshake failed: " + open.statusCode() + " " + open.body());
    }
    Matcher m = SID.matcher(open.body());
    if (!m.find()) {
      throw new AssertionError("no sid in " + open.body());
    }
    return m.group(1);
  }

  /**
   * The HTTP status of a websocket upgrade as {@code user} for {@code query}: 101 when it was
   * accepted (the socket is closed again at once), else the refusal's status.
   */
  int upgradeStatus(String user, String query) throws Exception {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
    if (user != null) {
      builder.header("Authorization", basic(user));
    }
    try {
      WebSocket ws =
          builder
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + port + "/socket.io/?" + query),
                  new WebSocket.Listener() {})
              .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      ws.abort();
      return 101;
    } catch (java.util.concurrent.ExecutionException | CompletionException e) {
      if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  /** Polls (GET) as {@code user} until the payload contains {@code expected}; returns all seen. */
  String pollUntil(String user, String sid, String expected) throws Exception {
    StringBuilder seen = new StringBuilder();
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      HttpResponse<String> poll = get(user, "EIO=4&transport=polling&sid=" + sid);
      if (poll.statusCode() != 200) {
        throw new AssertionError("poll refused: " + poll.statusCode() + " " + poll.body());
      }
      seen.append(poll.body()).append('\u001e');
      if (seen.indexOf(expected) >= 0) {
        return seen.toString();
      }
      if (poll.body().contains("2")) {
        post(user, "EIO=4&transport=polling&sid=" + sid, "3");
      }
    }
    throw new AssertionError("never received " + expected + "; got " + seen);
  }
}
