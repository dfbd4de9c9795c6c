package org.cdswebsocket.it.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.test.WsTestClient;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The two-node Redis scenario with kind ws and JDK WebSocket clients. */
class ClusterRedisWsIT extends AbstractClusterRedisIT {

  @Override
  protected List<String> kindProperties() {
    return List.of("cds.websocket.kind=ws");
  }

  @Override
  protected NodeClient connect(ConfigurableApplicationContext node, String user) throws Exception {
    int port = ((WebServerApplicationContext) node).getWebServer().getPort();
    WsTestClient client = WsTestClient.connect(port, "/ws/main", user, user);
    return new NodeClient() {
      @Override
      public void send(String event, Map<String, ?> data) throws Exception {
        client.send(event, data);
      }

      @Override
      public String nextText(String event, Duration timeout) throws Exception {
        return client.next(event, timeout).path("data").path("text").asText();
      }

      @Override
      public int count(String event, Duration within) throws Exception {
        return client.collect(event, within).size();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }
}
