package org.cdswebsocket.socketio.bridge;

import com.sap.cds.services.request.UserInfo;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.cdswebsocket.socketio.auth.HandshakeAuthenticator;
import org.cdswebsocket.socketio.server.SocketIoGateway;
import org.cdswebsocket.socketio.server.SocketIoOptions;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.ConnectionHandler;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.spi.OutboundPayload;
import org.cdswebsocket.spi.WebSocketMetrics;

/**
 * The test-only echo server the official Socket.IO protocol test-suite expects, built from the
 * adapter's real gateway: namespace {@code /custom} (the root namespace carries no application
 * logic, by design), ping 300/200 ms, max payload 1 000 000. On connect it emits {@code auth} with
 * the CONNECT payload; {@code message} is echoed as {@code message-back}, {@code message-with-ack}
 * is acknowledged with its data.
 *
 * <p>Same-port mode: an embedded Tomcat serves {@code /socket.io/*} through the {@link
 * EngineIoBridge}; a fixed authenticated user stands in for the application's security chain (the
 * suite sends no credentials). Standalone mode: the gateway on its own port with an authenticator
 * that accepts everybody. Start once, stop once.
 */
final class EchoFixture implements AutoCloseable {

  private static final UserInfo SUITE_USER =
      UserInfo.create().setName("suite").setIsAuthenticated(true);

  private final SocketIoGateway gateway;
  private final Tomcat tomcat;
  private final int port;

  private EchoFixture(SocketIoGateway gateway, Tomcat tomcat, int port) {
    this.gateway = gateway;
    this.tomcat = tomcat;
    this.port = port;
  }

  int port() {
    return port;
  }

  static SocketIoOptions.Builder suiteOptions() {
    return SocketIoOptions.builder()
        .port(0)
        .hostname("127.0.0.1")
        .pingIntervalMillis(300)
        .pingTimeoutMillis(200)
        .maxFramePayloadLength(1_000_000)
        .maxHttpContentLength(1_000_000);
  }

  /** The gateway on its own port. */
  static EchoFixture standalone() {
    HandshakeAuthenticator anybody = request -> authenticated(request.auth());
    SocketIoGateway gateway =
        new SocketIoGateway(suiteOptions().build(), List.of("/custom"), new Echo(), anybody);
    gateway.start();
    return new EchoFixture(gateway, null, gateway.port());
  }

  /** The gateway behind an embedded Tomcat's Engine.IO servlet. */
  static EchoFixture samePort() throws Exception {
    SocketIoOptions options = suiteOptions().build();
    EngineIoBridge bridge = new EngineIoBridge(options);
    HandshakeUserAuthenticator owner = bridge.authenticator();
    HandshakeAuthenticator withPayload =
        request -> {
          owner.authenticate(request); // the bridge's rule: the handshake's user, or refused
          return authenticated(request.auth());
        };
    SocketIoGateway gateway =
        new SocketIoGateway(
            options,
            List.of("/custom"),
            new Echo(),
            withPayload,
            WebSocketMetrics.NONE,
            bridge::createServer);
    gateway.start();

    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("echo-fixture").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Wrapper servlet =
        Tomcat.addServlet(
            context,
            "engineIo",
            new HttpServlet() {
              @Override
              protected void service(HttpServletRequest req, HttpServletResponse resp)
                  throws IOException {
                bridge.serve(req, resp, SUITE_USER);
              }
            });
    servlet.setAsyncSupported(true);
    context.addServletMappingDecoded("/socket.io/*", "engineIo");
    tomcat.start();
    return new EchoFixture(gateway, tomcat, connector.getLocalPort());
  }

  /** The fixture's user, carrying this namespace's CONNECT payload for the {@code auth} echo. */
  private static UserInfo authenticated(Map<String, Object> auth) {
    return UserInfo.create()
        .setName("suite")
        .setIsAuthenticated(true)
        .setAdditionalAttribute("auth", auth == null ? Map.of() : auth);
  }

  @Override
  public void close() throws Exception {
    try {
      if (tomcat != null) {
        tomcat.stop();
        tomcat.destroy();
      }
    } finally {
      gateway.stop();
    }
  }

  /** The reference server's echo behaviour over core's connection contract. */
  private static final class Echo implements ConnectionHandler {
    @Override
    public void onOpen(ClientSession session) {
      Object auth = session.info().userInfo().getAdditionalAttribute("auth");
      session.send(OutboundPayload.data("auth", auth == null ? Map.of() : auth));
    }

    @Override
    public void onMessage(ClientSession session, InboundFrame frame, AckCallback ack) {
      if ("message".equals(frame.event())) {
        session.send(OutboundPayload.data("message-back", frame.data()));
      } else if (ack != null) {
        ack.success(frame.data());
      }
    }

    @Override
    public void onClose(ClientSession session, String reason) {}

    @Override
    public void onError(ClientSession session, Throwable error) {}
  }
}
