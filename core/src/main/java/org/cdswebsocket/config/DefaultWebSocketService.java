package org.cdswebsocket.config;

import com.sap.cds.services.EventContext;
import com.sap.cds.services.ServiceDelegator;
import com.sap.cds.services.cds.ApplicationService;
import com.sap.cds.services.runtime.CdsRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.WebSocketService;
import org.cdswebsocket.dispatch.CurrentSession;
import org.cdswebsocket.facade.FacadeFactory;
import org.cdswebsocket.facade.WebSocketFacade;
import org.cdswebsocket.spi.ClientSession;

/**
 * The {@link WebSocketService} registered in CAP's catalog. It is created in the services phase and
 * receives its {@link FacadeFactory} in the event-handler phase, once the model is resolved.
 */
public final class DefaultWebSocketService extends ServiceDelegator implements WebSocketService {

  private final CdsRuntime cdsRuntime;
  private volatile FacadeFactory facades;

  DefaultWebSocketService(CdsRuntime cdsRuntime) {
    super(DEFAULT_NAME);
    this.cdsRuntime = cdsRuntime;
  }

  void initialise(FacadeFactory facades) {
    this.facades = facades;
  }

  @Override
  public void emit(String service, String event, Map<String, ?> data, Map<String, ?> headers) {
    ApplicationService target =
        cdsRuntime.getServiceCatalog().getService(ApplicationService.class, service);
    if (target == null) {
      throw new IllegalArgumentException("No application service " + service);
    }
    if (target.getDefinition().events().noneMatch(e -> e.getName().equals(event))) {
      throw new IllegalArgumentException("Service " + service + " has no event " + event);
    }
    EventContext context = EventContext.create(event, null);
    context.put("data", data == null ? Map.of() : new LinkedHashMap<>(data));
    if (headers != null && !headers.isEmpty()) {
      context.put(HEADERS, new LinkedHashMap<>(headers));
    }
    target.emit(context);
  }

  @Override
  public Optional<ClientSession> currentSession() {
    return CurrentSession.get();
  }

  @Override
  public Optional<WebSocketFacade> facade() {
    FacadeFactory current = facades;
    return current == null ? Optional.empty() : current.current();
  }

  @Override
  public Optional<WebSocketFacade> facade(ClientSession session) {
    FacadeFactory current = facades;
    return current == null ? Optional.empty() : current.of(session);
  }
}
