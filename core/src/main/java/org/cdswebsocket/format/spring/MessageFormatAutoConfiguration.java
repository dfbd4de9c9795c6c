package org.cdswebsocket.format.spring;

import org.cdswebsocket.format.MessageFormat;
import org.cdswebsocket.format.MessageFormatBeans;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Collects the application's {@link MessageFormat} beans into a {@link MessageFormatBeans} CAP
 * service, which CAP's Spring integration adds to the service catalog before core resolves the
 * websocket model, so that {@code @ws.format: '<bean name>'} finds them.
 */
@AutoConfiguration
public class MessageFormatAutoConfiguration {

  /** The format beans by bean name (empty when the application defines none). */
  @Bean
  public MessageFormatBeans cdsWebSocketMessageFormatBeans(ListableBeanFactory beans) {
    return new MessageFormatBeans(beans.getBeansOfType(MessageFormat.class));
  }
}
