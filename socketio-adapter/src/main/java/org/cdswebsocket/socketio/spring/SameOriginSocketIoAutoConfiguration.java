package org.cdswebsocket.socketio.spring;

import com.sap.cds.services.runtime.CdsRuntime;
import java.util.Optional;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.cdswebsocket.socketio.bridge.ChallengeSuppressingFilter;
import org.cdswebsocket.socketio.bridge.EngineIoBridge;
import org.cdswebsocket.socketio.bridge.EngineIoFilter;
import org.cdswebsocket.socketio.config.DefaultSocketIoServerHandle;
import org.cdswebsocket.spi.WebSocketProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Same-port mode of kind {@code socket.io} (the default, whenever {@code cds.websocket.port} is not
 * set): registers the {@link EngineIoFilter} for the Engine.IO path ({@code
 * cds.websocket.options.path}, default {@code /socket.io}) of the application's servlet container,
 * asynchronous, after the application's security filter chain. It answers 503 until the Socket.IO
 * server has started (on CAP's {@code APPLICATION_PREPARED}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({FilterRegistrationBean.class, CdsRuntime.class})
@Conditional({SocketIoKindCondition.class, SocketIoOnApplicationPortCondition.class})
public class SameOriginSocketIoAutoConfiguration {

  /** The Engine.IO filter; CAP and the server are looked up per request. */
  @Bean
  public FilterRegistrationBean<EngineIoFilter> cdsWebSocketEngineIoFilter(
      ObjectProvider<CdsRuntime> runtime, Environment env) {
    String path = engineIoPath(env);
    FilterRegistrationBean<EngineIoFilter> registration =
        new FilterRegistrationBean<>(
            new EngineIoFilter(
                runtime::getObject, SameOriginSocketIoAutoConfiguration::bridge, path));
    registration.setName("cdsWebSocketEngineIo");
    registration.addUrlPatterns(path + "/*");
    registration.setAsyncSupported(true);
    // after Spring Security (and kind ws's upgrade filter at +1): the request's user is known
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
    return registration;
  }

  /**
   * Script requests ({@code X-Requested-With: XMLHttpRequest}) to the Engine.IO path are refused
   * without a Basic challenge, before the security chain; see {@link ChallengeSuppressingFilter}.
   */
  @Bean
  public FilterRegistrationBean<ChallengeSuppressingFilter> cdsWebSocketEngineIoChallengeFilter(
      Environment env) {
    FilterRegistrationBean<ChallengeSuppressingFilter> registration =
        new FilterRegistrationBean<>(new ChallengeSuppressingFilter());
    registration.setName("cdsWebSocketEngineIoChallenge");
    registration.addUrlPatterns(engineIoPath(env) + "/*");
    registration.setAsyncSupported(true);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
    return registration;
  }

  /** Closes the bridged connections before the web server's graceful shutdown waits for them. */
  @Bean
  SocketIoEarlyStop cdsWebSocketSocketIoEarlyStop(ObjectProvider<CdsRuntime> runtime) {
    return new SocketIoEarlyStop(runtime);
  }

  private static String engineIoPath(Environment env) {
    String path = WebSocketProperties.OPTIONS_PATH.read(env::getProperty);
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Optional<EngineIoBridge> bridge(CdsRuntime runtime) {
    SocketIoServerHandle handle =
        runtime
            .getServiceCatalog()
            .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
    return handle instanceof DefaultSocketIoServerHandle own ? own.bridge() : Optional.empty();
  }
}
