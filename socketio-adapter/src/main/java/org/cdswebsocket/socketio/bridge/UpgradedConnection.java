package org.cdswebsocket.socketio.bridge;

import io.netty.buffer.Unpooled;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw connection after a websocket handshake, taken over from the servlet container with {@code
 * HttpServletRequest.upgrade}: bytes read with the container's non-blocking input go to the {@link
 * BridgeChannel}, where Netty's websocket decoder and the library take over; bytes the channel
 * writes go to the container's non-blocking output.
 *
 * <p>Instantiated by the container (public no-argument constructor), then {@link #bind bound} to
 * its channel by the servlet before the request returns; {@link #init} runs after that on a
 * container thread. Output methods run on the channel's event loop; listeners on container threads,
 * which only hand work to the event loop.
 */
public final class UpgradedConnection implements HttpUpgradeHandler, ByteSink {

  private static final Logger LOG = LoggerFactory.getLogger(UpgradedConnection.class);
  private static final int READ_CHUNK = 16 * 1024;

  private volatile BridgeChannel channel;
  private volatile WebConnection connection;
  private ServletOutputStream out;

  /** For the container; the servlet binds the channel right after. */
  public UpgradedConnection() {}

  void bind(BridgeChannel channel) {
    this.channel = channel;
  }

  @Override
  public void init(WebConnection webConnection) {
    connection = webConnection;
    BridgeChannel ch = channel;
    try {
      ServletInputStream in = webConnection.getInputStream();
      out = webConnection.getOutputStream();
      in.setReadListener(new Reader(in, ch));
      out.setWriteListener(new Writer(ch));
      ch.attach(this);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Upgraded connection not usable: {}", e.toString());
      ch.close();
    }
  }

  @Override
  public void destroy() {
    BridgeChannel ch = channel;
    if (ch != null && ch.isOpen()) {
      ch.close();
    }
  }

  @Override
  public boolean isReady() {
    return out.isReady();
  }

  @Override
  public void write(byte[] bytes) {
    try {
      out.write(bytes);
    } catch (IOException e) {
      LOG.debug("Write to upgraded connection failed: {}", e.toString());
      channel.close();
    }
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      LOG.debug("Flush of upgraded connection failed: {}", e.toString());
      channel.close();
    }
  }

  @Override
  public void close() {
    WebConnection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("Closing upgraded connection: {}", e.toString());
      }
    }
  }

  private record Reader(ServletInputStream in, BridgeChannel channel) implements ReadListener {
    @Override
    public void onDataAvailable() throws IOException {
      byte[] chunk = new byte[READ_CHUNK];
      while (in.isReady()) {
        int n = in.read(chunk);
        if (n < 0) {
          return;
        }
        if (n > 0) {
          channel.receive(Unpooled.copiedBuffer(chunk, 0, n));
        }
      }
    }

    @Override
    public void onAllDataRead() {
      channel.close();
    }

    @Override
    public void onError(Throwable t) {
      LOG.debug("Upgraded connection read failed: {}", t.toString());
      channel.close();
    }
  }

  private record Writer(BridgeChannel channel) implements WriteListener {
    @Override
    public void onWritePossible() {
      channel.writable();
    }

    @Override
    public void onError(Throwable t) {
      LOG.debug("Upgraded connection write failed: {}", t.toString());
      channel.close();
    }
  }
}
