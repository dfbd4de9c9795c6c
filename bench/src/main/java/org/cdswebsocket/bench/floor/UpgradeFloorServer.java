package org.cdswebsocket.bench.floor;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The floor of a WebSocket connect on the servlet container CAP Java runs on: an embedded Tomcat
 * (the version the bench app ships) whose one servlet answers every opening handshake with a 101
 * and a connection that closes its socket as soon as the client sends anything (its close frame).
 * No Spring, no security chain, no CAP, no cds-websocket: what this server spends per connect is
 * what Tomcat and the kernel spend before any application code runs. {@code bench/connect-floor.sh}
 * measures it beside the bench app and the Node plugin.
 *
 * <p>Run: {@code java -Dloader.main=org.cdswebsocket.bench.floor.UpgradeFloorServer -cp
 * bench/target/bench.jar org.springframework.boot.loader.launch.PropertiesLauncher <port>}. Serves
 * {@code ws://127.0.0.1:<port>/<any path>} until killed. Not part of the bench app; a measuring
 * tool only, so it checks just enough of the handshake to answer it (a request without a key gets
 * 400).
 */
public final class UpgradeFloorServer {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private UpgradeFloorServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8092;
    File base = Files.createTempDirectory("upgrade-floor").toFile();
    base.deleteOnExit();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "upgrade", new UpgradeServlet());
    context.addServletMappingDecoded("/*", "upgrade");
    tomcat.start();
    System.out.println("upgrade floor server on port " + port);
    tomcat.getServer().await();
  }

  /** Answers the opening handshake and hands the socket to a {@link DropAll}. */
  private static final class UpgradeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      String key = request.getHeader("Sec-WebSocket-Key");
      if (key == null || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
        response.sendError(400);
        return;
      }
      response.setStatus(101);
      response.setHeader("Upgrade", "websocket");
      response.setHeader("Connection", "Upgrade");
      response.setHeader("Sec-WebSocket-Accept", accept(key.trim()));
      request.upgrade(DropAll.class);
    }

    private static String accept(String key) {
      try {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is missing from this JDK", e);
      }
    }
  }

  /**
   * An upgraded connection that closes its socket when the client sends anything or goes away.
   * Public with a no-argument constructor: Tomcat instantiates it.
   */
  public static final class DropAll implements HttpUpgradeHandler {

    private final byte[] buffer = new byte[512];

    @Override
    public void init(WebConnection connection) {
      try {
        ServletInputStream in = connection.getInputStream();
        in.setReadListener(
            new ReadListener() {
              @Override
              public void onDataAvailable() throws IOException {
                if (in.isReady() && in.read(buffer) >= 0) {
                  closeQuietly(connection); // the client's close frame: the socket goes at once
                }
              }

              @Override
              public void onAllDataRead() throws IOException {
                closeQuietly(connection);
              }

              @Override
              public void onError(Throwable t) {
                closeQuietly(connection);
              }
            });
      } catch (IOException e) {
        closeQuietly(connection);
      }
    }

    @Override
    public void destroy() {}

    private static void closeQuietly(WebConnection connection) {
      try {
        connection.close();
      } catch (Exception e) {
        // the socket is gone either way
      }
    }
  }
}
