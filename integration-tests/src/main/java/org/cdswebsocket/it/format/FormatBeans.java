package org.cdswebsocket.it.format;

import org.cdswebsocket.format.MessageFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The custom format provided as a Spring bean, used by {@code @ws.format: 'lineBean'}. */
@Configuration
public class FormatBeans {

  /** The bean-provided line format. */
  @Bean
  public MessageFormat lineBean() {
    return new LineFormat("bean");
  }
}
