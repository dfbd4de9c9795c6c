package org.cdswebsocket.it.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.test.WsTestClient;

/** {@link ContractClient} of kind ws: a JDK WebSocket client speaking the json format. */
final class WsContractClient implements ContractClient {

  private final WsTestClient client;

  private WsContractClient(WsTestClient client) {
    this.client = client;
  }

  /** Connects with Basic auth (password = user name), optionally with {@code ?id=}. */
  static WsContractClient connect(int port, String path, String user, String identifier)
      throws Exception {
    String url = identifier == null ? path : path + "?id=" + identifier;
    return new WsContractClient(WsTestClient.connect(port, url, user, user));
  }

  @Override
  public void send(String event, Map<String, ?> data) throws Exception {
    client.send(event, data);
  }

  @Override
  public Frame next(String event, Duration timeout) throws Exception {
    return frame(client.next(event, timeout));
  }

  @Override
  public List<Frame> until(String marker, Duration timeout) throws Exception {
    return client.until(marker, timeout).stream().map(WsContractClient::frame).toList();
  }

  @Override
  public List<Frame> collect(String event, Duration within) throws Exception {
    return client.collect(event, within).stream().map(WsContractClient::frame).toList();
  }

  @Override
  public List<Frame> collectAll(Duration within) throws Exception {
    return client.collectAll(within).stream().map(WsContractClient::frame).toList();
  }

  @Override
  public int closeCode(Duration timeout) throws Exception {
    return client.closeCode(timeout);
  }

  @Override
  public void close() {
    client.close();
  }

  private static Frame frame(JsonNode message) {
    return new Frame(message.path("event").asText(), message.path("data"));
  }
}
