package org.cdswebsocket.it.cluster;

import com.sap.cds.services.runtime.CdsRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.test.SocketIoTestClient;
import org.springframework.context.ConfigurableApplicationContext;

/** The two-node Redis scenario with kind socket.io and Java Socket.IO clients. */
class ClusterRedisSocketIoIT extends AbstractClusterRedisIT {

  @Override
  protected List<String> kindProperties() {
    return List.of("cds.websocket.kind=socket.io", "cds.websocket.port=0");
  }

  @Override
  protected NodeClient connect(ConfigurableApplicationContext node, String user) throws Exception {
    int port = SocketIoTestClient.port(node.getBean(CdsRuntime.class));
    SocketIoTestClient client = SocketIoTestClient.connect(port, "/ws/main", user, null);
    return new NodeClient() {
      @Override
      public void send(String event, Map<String, ?> data) {
        client.emit(event, data);
      }

      @Override
      public String nextText(String event, Duration timeout) throws Exception {
        return client.next(event, timeout).data().path("text").asText();
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
