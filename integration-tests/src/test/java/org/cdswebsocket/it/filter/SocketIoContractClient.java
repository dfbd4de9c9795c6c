package org.cdswebsocket.it.filter;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.test.SocketIoTestClient;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * {@link ContractClient} of kind socket.io: a Java Socket.IO client joined to the service's
 * namespace. Events carry only their data object (Socket.IO has no {@code headers} member).
 */
public final class SocketIoContractClient implements ContractClient {

  private final SocketIoTestClient client;

  private SocketIoContractClient(SocketIoTestClient client) {
    this.client = client;
  }

  /** Joins over websocket with Basic auth (password = user name), optionally with {@code ?id=}. */
  public static SocketIoContractClient connect(
      int port, String namespace, String user, String identifier) throws Exception {
    return new SocketIoContractClient(
        SocketIoTestClient.connect(port, namespace, user, identifier));
  }

  /** The underlying Socket.IO client, for acknowledgements and disconnect reasons. */
  public SocketIoTestClient socket() {
    return client;
  }

  @Override
  public void send(String event, Map<String, ?> data) {
    client.emit(event, data);
  }

  @Override
  public void send(String event, Map<String, ?> data, Map<String, ?> headers) {
    client.emit(event, data, headers);
  }

  @Override
  public void sendRaw(String event, String dataJson) throws Exception {
    client.emit(event, rawObject(dataJson));
  }

  /**
   * A flat JSON object (members may be arrays of scalars) as org.json value whose numbers keep
   * their exact text, also numbers no {@code double} can hold ({@code 1e400000000}), which
   * org.json's own parser refuses.
   */
  public static JSONObject rawObject(String json) throws Exception {
    Map<String, Object> members =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .readValue(json, new TypeReference<Map<String, Object>>() {});
    JSONObject object = new JSONObject();
    for (Map.Entry<String, Object> member : members.entrySet()) {
      Object value = member.getValue();
      if (value instanceof Collection<?> items) {
        object.put(member.getKey(), new JSONArray(items));
      } else {
        object.put(member.getKey(), value == null ? JSONObject.NULL : value);
      }
    }
    return object;
  }

  @Override
  public Frame next(String event, Duration timeout) throws Exception {
    return frame(client.next(event, timeout));
  }

  @Override
  public List<Frame> until(String marker, Duration timeout) throws Exception {
    return client.until(marker, timeout).stream().map(SocketIoContractClient::frame).toList();
  }

  @Override
  public List<Frame> collect(String event, Duration within) throws Exception {
    return client.collect(event, within).stream().map(SocketIoContractClient::frame).toList();
  }

  @Override
  public List<Frame> collectAll(Duration within) throws Exception {
    return client.collectAll(within).stream().map(SocketIoContractClient::frame).toList();
  }

  /**
   * Socket.IO has no close codes: use {@link SocketIoTestClient#disconnectReason} through {@link
   * #socket()}.
   */
  @Override
  public int closeCode(Duration timeout) {
    throw new UnsupportedOperationException("Socket.IO has no close codes; see disconnectReason");
  }

  @Override
  public void close() {
    client.close();
  }

  private static Frame frame(SocketIoTestClient.Event event) {
    return new Frame(event.name(), event.data());
  }
}
