package org.cdswebsocket.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.InboundFrame;

/**
 * A {@link ConnectionHandler} decorator that measures what passes through it: sessions that opened
 * (and those the delegate closed at once, as refusals {@code unknown-endpoint}), the sessions open
 * per endpoint (a gauge), inbound messages, and error acknowledgements by code. Calls go to the
 * delegate unchanged; measuring never changes an outcome.
 *
 * <p>Threading: as thread-safe as the contract requires; the counts are concurrent.
 */
public final class MeteredConnectionHandler implements ConnectionHandler {

  private final ConnectionHandler delegate;
  private final CoreMetrics metrics;
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
  private final Set<String> counted = ConcurrentHashMap.newKeySet();

  /**
   * @param delegate the handler that does the work
   * @param metrics where to record
   * @param paths the endpoint paths, each of which gets an open-sessions gauge
   */
  public MeteredConnectionHandler(
      ConnectionHandler delegate, CoreMetrics metrics, Collection<String> paths) {
    this.delegate = delegate;
    this.metrics = metrics;
    for (String path : paths) {
      AtomicInteger count = new AtomicInteger();
      open.put(path, count);
      metrics.openSessions(path, count::get);
    }
  }

  /** The decorated handler. */
  public ConnectionHandler getDelegate() {
    return delegate;
  }

  @Override
  public String refusal(ClientInfo client) {
    return delegate.refusal(client);
  }

  @Override
  public void onOpen(ClientSession session) {
    delegate.onOpen(session);
    String path = session.info().servicePath();
    AtomicInteger count = open.get(path);
    if (count == null || !session.isOpen()) {
      metrics.connectionRefused(path, "unknown-endpoint");
      return;
    }
    if (counted.add(session.id())) {
      count.incrementAndGet();
      metrics.connected(path);
    }
  }

  @Override
  public void onMessage(ClientSession session, InboundFrame frame, AckCallback ack) {
    String path = session.info().servicePath();
    metrics.inbound(path);
    delegate.onMessage(session, frame, ack == null ? null : new MeteredAck(ack, path));
  }

  @Override
  public void onClose(ClientSession session, String reason) {
    try {
      delegate.onClose(session, reason);
    } finally {
      if (counted.remove(session.id())) {
        open.get(session.info().servicePath()).decrementAndGet();
      }
    }
  }

  @Override
  public void onError(ClientSession session, Throwable error) {
    delegate.onError(session, error);
  }

  /** Counts failures by the code of their {@code {error:{code}}} payload. */
  private final class MeteredAck implements AckCallback {
    private final AckCallback ack;
    private final String path;

    MeteredAck(AckCallback ack, String path) {
      this.ack = ack;
      this.path = path;
    }

    @Override
    public void success(Object result) {
      ack.success(result);
    }

    @Override
    public void successWithoutResult() {
      ack.successWithoutResult();
    }

    @Override
    public void failure(Object error) {
      metrics.errorAcknowledged(path, codeOf(error));
      ack.failure(error);
    }
  }

  static Object codeOf(Object error) {
    if (error instanceof Map<?, ?> payload && payload.get("error") instanceof Map<?, ?> inner) {
      Object code = inner.get("code");
      return code == null ? "none" : code;
    }
    return "none";
  }
}
