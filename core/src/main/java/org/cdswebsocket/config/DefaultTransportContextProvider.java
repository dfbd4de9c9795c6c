package org.cdswebsocket.config;

import com.sap.cds.services.ServiceDelegator;
import org.cdswebsocket.spi.TransportContext;
import org.cdswebsocket.spi.WebSocketSettings;

/**
 * Hands the {@link TransportContext} to the active adapter through CAP's service catalog.
 * Registered in the services phase, given its context in the event-handler phase.
 */
final class DefaultTransportContextProvider extends ServiceDelegator
    implements TransportContext.Provider {

  private final WebSocketSettings settings;
  private volatile TransportContext context;

  DefaultTransportContextProvider(WebSocketSettings settings) {
    super(TransportContext.PROVIDER_NAME);
    this.settings = settings;
  }

  @Override
  public WebSocketSettings settings() {
    return settings;
  }

  void initialise(TransportContext context) {
    this.context = context;
  }

  @Override
  public TransportContext context() {
    TransportContext current = context;
    if (current == null) {
      throw new IllegalStateException(
          "cds-websocket is not initialised yet: the CAP runtime has not registered its handlers");
    }
    return current;
  }
}
