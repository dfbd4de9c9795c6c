package org.cdswebsocket.it.formats;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sap.cds.services.runtime.CdsRuntime;
import org.cdswebsocket.format.MessageFormatBeans;
import org.cdswebsocket.format.MessageFormats;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.model.WebSocketModel;
import org.cdswebsocket.model.WebSocketModelResolver;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The test app's model uses every format and mixin form of the Node README
 * (srv/format-services.cds); resolving it with the app's formats logs no warning and exposes what
 * Node exposes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormatModelStartupIT {

  @Autowired CdsRuntime runtime;

  @Test
  void everyFormatAndMixinFormResolvesWithoutAWarning() {
    Logger logger = (Logger) LoggerFactory.getLogger("org.cdswebsocket");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    WebSocketModel model;
    try {
      MessageFormatBeans beans =
          (MessageFormatBeans) runtime.getServiceCatalog().getService(MessageFormatBeans.NAME);
      MessageFormats formats = new MessageFormats(beans::find, getClass().getClassLoader());
      model =
          new WebSocketModelResolver(
                  "/ws", "json", formats, name -> WebSocketModelResolver.ServiceConfig.NONE)
              .resolve(runtime.getCdsModel());
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
    assertThat(model.endpoints())
        .extracting(ServiceEndpoint::path)
        .contains(
            "/ws/pcp",
            "/ws/cloudevent",
            "/ws/cloudevents",
            "/ws/generic",
            "/ws/custom",
            "/ws/mixin",
            "/ws/symbols");
    ServiceEndpoint mixin = model.endpoint("/ws/mixin").orElseThrow();
    assertThat(mixin.events()).containsOnlyKeys("memoCreated", "memoMine");
    assertThat(mixin.operations()).containsOnlyKeys("mixinEcho", "chat");
    assertThat(mixin.entities()).isEmpty();
    ServiceEndpoint pcp = model.endpoint("/ws/pcp").orElseThrow();
    assertThat(pcp.events()).containsKeys("notification1", "notify", "notifyOp");
    assertThat(pcp.events().get("notify").format()).isEqualTo("pcp");
    assertThat(pcp.events().get("notifyOp").format()).isEqualTo("json");
    assertThat(pcp.operations()).containsKeys("sendNotification", "chat");
    assertThat(model.endpoint("/ws/custom").orElseThrow().events().get("byBean").format())
        .isEqualTo("lineBean");
  }
}
