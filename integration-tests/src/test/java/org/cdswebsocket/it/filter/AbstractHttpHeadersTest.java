package org.cdswebsocket.it.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code x-ws-*} / {@code x-websocket-*} headers of an OData request apply to the events emitted
 * while serving it: the typical "do not notify the UI that made the change" case. Subclasses
 * connect real clients of one kind; the app runs on a random HTTP port.
 */
public abstract class AbstractHttpHeadersTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The app's HTTP port (OData). */
  @LocalServerPort protected int port;

  /** Connects a client of this kind to {@code /ws/filter} as {@code user} (password = user). */
  protected abstract ContractClient connect(String user, String identifier) throws Exception;

  private ContractClient aliceUi;
  private ContractClient bobUi;

  @BeforeEach
  void connect() throws Exception {
    aliceUi = connect("alice", "ui-1");
    aliceUi.awaitWelcome(WAIT);
    bobUi = connect("bob", "ui-2");
    bobUi.awaitWelcome(WAIT);
  }

  @AfterEach
  void close() {
    List.of(aliceUi, bobUi).forEach(ContractClient::close);
  }

  @ParameterizedTest(name = "{0}: {1} -> alice {2}, bob {3}")
  @CsvSource({
    "x-ws-identifier-exclude, ui-1, false, true",
    "X-WebSocket-Identifier, ui-1, true, false",
    "x-ws-current-user, true, true, false",
    "x-websocket-current-user-exclude, true, false, true",
    "x-ws-user, bob, false, true",
    "x-unrelated, x, true, true",
  })
  void requestHeadersFilterTheEmittedEvent(String header, String value, boolean alice, boolean bob)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/odata/v4/filter/emitEvent"))
            .header("Authorization", WsTestClient.basic("alice", "alice"))
            .header("Content-Type", "application/json")
            .header(header, value)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"event\":\"plain\",\"data\":\"{\\\"text\\\":\\\"odata\\\"}\","
                        + "\"headers\":\"{}\"}"))
            .timeout(WAIT)
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    assertThat(received(aliceUi)).isEqualTo(alice);
    assertThat(received(bobUi)).isEqualTo(bob);
  }

  private static boolean received(ContractClient client) throws Exception {
    return client.until("marker", WAIT).stream().anyMatch(f -> f.event().equals("plain"));
  }
}
