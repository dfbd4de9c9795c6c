package org.cdswebsocket.it.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.cdswebsocket.test.WsTestClient;

/** OData calls of the mixin tests, as a real HTTP client. */
final class ODataCalls {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ODataCalls() {}

  /** POSTs JSON as alice to {@code /odata/v4/mixin/<path>} with extra headers; asserts success. */
  static String post(int port, String path, String json, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/odata/v4/mixin/" + path))
            .header("Authorization", WsTestClient.basic("alice", "alice"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    return response.body();
  }
}
