package org.cdswebsocket.it.filter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.test.SocketIoTestClient;

/**
 * {@link ContractClient} of kind socket.io: a Java Socket.IO client joined to the service's
 * namespace. Events carry only their data object (Socket.IO has no {@code headers} member).
 */
final class SocketIoContractClient implements ContractClient {

  private final SocketIoTestClient client;

  private SocketIoContractClient(SocketIoTestClient client) {
    this.client = client;
  }

  /** Joins over websocket with Basic auth (password = user name), optionally with {@code ?id=}. */
  static SocketIoContractClient connect(int port, String namespace, String user, String identifier)
      throws Exception {
    return new SocketIoContractClient(
        SocketIoTestClient.connect(port, namespace, user, identifier));
  }

  /** The underlying Socket.IO client, for acknowledgements and disconnect reasons. */
  SocketIoTestClient socket() {
    return client;
  }

  @Override
  public void send(String event, Map<String, ?> data) {
    client.emit(event, data);
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
