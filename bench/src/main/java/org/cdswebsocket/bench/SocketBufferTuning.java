package org.cdswebsocket.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Opt-in memory tuning measured by the bench ({@code --bench.socket-buffer-size=2048}): Tomcat's
 * per-connection application read and write buffers ({@code socket.appReadBufSize}, {@code
 * socket.appWriteBufSize}, 8 KB each by default) are the largest part of an idle connection of kind
 * ws and of same-port socket.io. The same customizer works in any Spring Boot application; smaller
 * buffers mean more system calls for large HTTP responses. Created once at start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("bench.socket-buffer-size")
class SocketBufferTuning {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketBuffers(Environment environment) {
    String size = environment.getRequiredProperty("bench.socket-buffer-size");
    return factory ->
        factory.addConnectorCustomizers(
            connector -> {
              connector.setProperty("socket.appReadBufSize", size);
              connector.setProperty("socket.appWriteBufSize", size);
            });
  }
}
