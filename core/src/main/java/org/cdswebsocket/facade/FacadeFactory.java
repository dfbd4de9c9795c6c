package org.cdswebsocket.facade;

import java.util.Optional;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.broadcast.PayloadComposer;
import org.cdswebsocket.dispatch.CurrentSession;
import org.cdswebsocket.model.WebSocketModel;
import org.cdswebsocket.spi.ClientSession;

/**
 * Creates {@link WebSocketFacade}s: for the socket whose call the current thread runs, or for any
 * open session. Built once per runtime; thread-safe.
 */
public final class FacadeFactory {

  private final WebSocketModel model;
  private final PayloadComposer composer;
  private final Broadcaster broadcaster;
  private final DisconnectCallbacks callbacks;

  /**
   * @param model the endpoints
   * @param composer composes payloads for {@link WebSocketFacade#emit}
   * @param broadcaster delivers broadcasts
   * @param callbacks where {@link WebSocketFacade#onDisconnect} callbacks are kept; the same
   *     instance must decorate the connection handler ({@link FacadeConnectionHandler})
   */
  public FacadeFactory(
      WebSocketModel model,
      PayloadComposer composer,
      Broadcaster broadcaster,
      DisconnectCallbacks callbacks) {
    this.model = model;
    this.composer = composer;
    this.broadcaster = broadcaster;
    this.callbacks = callbacks;
  }

  /** The facade of the socket whose call the current thread runs, if any. */
  public Optional<WebSocketFacade> current() {
    return CurrentSession.get().flatMap(this::of);
  }

  /** The facade of a session, if its endpoint is known. */
  public Optional<WebSocketFacade> of(ClientSession session) {
    return model
        .endpoint(session.info().servicePath())
        .map(e -> new SessionFacade(session, e, composer, broadcaster, callbacks));
  }
}
