package org.cdswebsocket.facade;

import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.InboundFrame;

/**
 * A {@link ConnectionHandler} decorator that runs the {@link WebSocketFacade#onDisconnect}
 * callbacks of a session after the delegate handled its close (so after {@code wsDisconnect}).
 * Everything else is passed through unchanged.
 */
public final class FacadeConnectionHandler implements ConnectionHandler {

  private final ConnectionHandler delegate;
  private final DisconnectCallbacks callbacks;

  /**
   * @param delegate the handler that does the work
   * @param callbacks the registered disconnect callbacks
   */
  public FacadeConnectionHandler(ConnectionHandler delegate, DisconnectCallbacks callbacks) {
    this.delegate = delegate;
    this.callbacks = callbacks;
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
  }

  @Override
  public void onMessage(ClientSession session, InboundFrame frame, AckCallback ack) {
    delegate.onMessage(session, frame, ack);
  }

  @Override
  public void onClose(ClientSession session, String reason) {
    try {
      delegate.onClose(session, reason);
    } finally {
      callbacks.fire(session, reason);
    }
  }

  @Override
  public void onError(ClientSession session, Throwable error) {
    delegate.onError(session, error);
  }
}
