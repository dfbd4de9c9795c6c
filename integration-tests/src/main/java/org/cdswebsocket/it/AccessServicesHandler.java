package org.cdswebsocket.it;

import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.EventContext;
import com.sap.cds.services.ServiceException;
import com.sap.cds.services.cds.ApplicationService;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.On;
import com.sap.cds.services.handler.annotations.ServiceName;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Handlers of {@code AdminsService} ({@code @requires: 'admin'}) and {@code GuardedService} (whose
 * {@code wsConnect} refuses carol): {@code publish} emits {@code news} to every client of the
 * service.
 */
@Component
@ServiceName({AccessServicesHandler.ADMINS, AccessServicesHandler.GUARDED})
public class AccessServicesHandler implements EventHandler {

  /** The service only admins may use. */
  public static final String ADMINS = "AdminsService";

  /** The service whose wsConnect refuses {@link #REFUSED_USER}. */
  public static final String GUARDED = "GuardedService";

  /** The user {@code GuardedService.wsConnect} refuses with 403. */
  public static final String REFUSED_USER = "carol";

  @On(event = "publish")
  public void publish(EventContext context) {
    EventContext news = EventContext.create("news", null);
    news.put("data", Map.of("text", String.valueOf(context.get("text"))));
    ((ApplicationService) context.getService()).emit(news);
    context.setCompleted();
  }

  @On(event = "wsConnect")
  public void wsConnect(EventContext context) {
    if (REFUSED_USER.equals(context.getUserInfo().getName())) {
      throw new ServiceException(ErrorStatuses.FORBIDDEN, "Not for you");
    }
    context.setCompleted();
  }
}
