package org.cdswebsocket.it.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.cdswebsocket.spi.Json;
import org.cdswebsocket.test.WsTestClient;

/**
 * Reads Actuator's HTTP endpoints of the test app as an operator would, authenticated as a mock
 * user (CAP protects every endpoint).
 */
final class Actuator {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  Actuator(int port) {
    this.port = port;
  }

  /** {@code GET /actuator/health}. */
  JsonNode health() throws Exception {
    return get("/actuator/health", true);
  }

  /**
   * The statistic ({@code COUNT}, {@code VALUE}, {@code TOTAL}) of a meter, filtered by tags
   * ({@code "service:MainService"}); 0 when the meter does not exist yet.
   */
  double measure(String meter, String statistic, String... tags) throws Exception {
    JsonNode body = metric(meter, tags);
    if (body == null) {
      return 0;
    }
    for (JsonNode m : body.path("measurements")) {
      if (statistic.equals(m.path("statistic").asText())) {
        return m.path("value").asDouble();
      }
    }
    throw new AssertionError(meter + " has no statistic " + statistic + ": " + body);
  }

  /** The tag keys a meter is recorded with. */
  Set<String> tagKeys(String meter) throws Exception {
    JsonNode body = metric(meter);
    assertThat(body).as(meter + " exists").isNotNull();
    Set<String> keys = new TreeSet<>();
    body.path("availableTags").forEach(t -> keys.add(t.path("tag").asText()));
    return keys;
  }

  /** {@code GET /actuator/metrics/<meter>?tag=...}, or null when the meter does not exist. */
  JsonNode metric(String meter, String... tags) throws Exception {
    StringBuilder path = new StringBuilder("/actuator/metrics/").append(meter);
    for (int i = 0; i < tags.length; i++) {
      path.append(i == 0 ? '?' : '&')
          .append("tag=")
          .append(URLEncoder.encode(tags[i], StandardCharsets.UTF_8));
    }
    return get(path.toString(), false);
  }

  private JsonNode get(String path, boolean anyStatus) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", WsTestClient.basic("alice", "alice"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404 && !anyStatus) {
      return null;
    }
    if (!anyStatus) {
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }
    return Json.mapper().readTree(response.body());
  }
}
