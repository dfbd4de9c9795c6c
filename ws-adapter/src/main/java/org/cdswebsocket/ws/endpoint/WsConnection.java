package org.cdswebsocket.ws.endpoint;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.cdswebsocket.spi.ClientInfo;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.CloseCode;
import org.cdswebsocket.spi.InboundFrame;
import org.cdswebsocket.spi.LogSafe;
import org.cdswebsocket.spi.OutboundPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind ws connection after its upgrade: the {@link ClientSession} core talks to, on the servlet
 * container's non-blocking upgrade streams.
 *
 * <p>Lifecycle: the servlet container creates it at {@code HttpServletRequest#upgrade} (hence the
 * public no-argument constructor); {@link WsServer} prepares it at once, the container calls {@link
 * #init} once the 101 is sent and {@link #destroy} once the connection is gone. Core hears {@code
 * onOpen} in {@link #init} and {@code onClose} exactly once, as soon as the close is decided: a
 * close frame sent or received, the peer gone, or a write error.
 *
 * <p>Reading (container threads, one read at a time): a {@link FrameDecoder} turns the bytes into
 * messages, which go to core in order on the reading thread. Protocol violations close with the
 * RFC's code (1002, 1007, 1009; 1003 for binary frames); pings are answered with pongs.
 *
 * <p>Writing: {@link #send} queues the frame prepared once per payload ({@link
 * OutboundPayload#encoded}) and a {@link SendScheduler} thread drains the queue: it writes what
 * waits while the container accepts more and flushes once, so frames queued together leave in one
 * system call. Writes never block a thread: when the client does not read, the drain stops until
 * the container reports the socket writable again. Over {@code sendQueueLimit} waiting frames, or a
 * write that makes no progress for the send timeout, close the connection with 1013 and drop what
 * waits; other connections are unaffected.
 *
 * <p>Closing: a close frame is queued behind what waits, the output is closed once it is written,
 * and the container closes the socket when the client answers or goes away. A client that neither
 * reads nor answers keeps its socket (not its queue) until it does, as an idle one would.
 */
public final class WsConnection implements HttpUpgradeHandler, ClientSession {

  private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);

  private static final Function<OutboundPayload, byte[]> TEXT_FRAME =
      payload -> ServerFrames.text(payload.text());

  private static final int OPEN = 0;
  private static final int CLOSING = 1;
  private static final int CLOSED = 2;

  private final String id = UUID.randomUUID().toString();
  private final Set<String> contexts = ConcurrentHashMap.newKeySet();
  private FrameQueue queue; // set in prepare(): its limit is the server's
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Runnable drainTask = this::drain;
  private final Io io = new Io();
  private volatile int state = OPEN;
  private volatile boolean awaitingWritable;
  private volatile long stalledSince;
  private final Object writeLock = new Object();
  private volatile boolean outputClosed; // guarded by writeLock
  private volatile byte[] lastFrameWaiting; // guarded by writeLock

  private WsServer server;
  private ClientInfo info;
  private FrameDecoder decoder;
  private WebConnection connection;
  private ServletInputStream in;
  private volatile ServletOutputStream out; // set by init, read by the drains

  /** For the servlet container only; see the class comment. */
  public WsConnection() {}

  /** Called by {@link WsServer} right after the upgrade was accepted, before {@link #init}. */
  void prepare(WsServer server, ClientInfo info) {
    this.server = server;
    this.info = info;
    this.decoder = new FrameDecoder(server.maxMessageBytes());
    this.queue = new FrameQueue(server.sendQueueLimit());
  }

  @Override
  public void init(WebConnection webConnection) {
    connection = webConnection;
    ServletOutputStream output;
    try {
      in = webConnection.getInputStream();
      output = webConnection.getOutputStream();
    } catch (IOException e) {
      LOG.debug("An upgraded connection has no streams: {}", e.toString());
      abandon();
      return;
    }
    in.setReadListener(io);
    output.setWriteListener(io);
    // published only now: before its write listener is set, the stream refuses every call
    out = output;
    awaitingWritable = false;
    if (!queue.isEmpty()) {
      scheduleDrain(); // what open() queued; waits for the container's first write event
    }
  }

  /**
   * Registers the connection with core ({@code onOpen}, {@code wsConnect}) on the request thread,
   * before the 101 leaves: a client that has its 101 is already a recipient of broadcasts. What is
   * sent meanwhile waits in the queue until {@link #init} has the output stream.
   */
  void open() {
    server.opened(this);
    guard(() -> server.handler().onOpen(this));
  }

  @Override
  public void destroy() {
    if (server == null) { // the upgrade failed before it was prepared
      state = CLOSED;
    } else {
      abandon();
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ClientInfo info() {
    return info;
  }

  @Override
  public Set<String> contexts() {
    return contexts;
  }

  @Override
  public void send(OutboundPayload payload) {
    if (state != OPEN) {
      return;
    }
    if (!queue.offer(payload.encoded(TEXT_FRAME))) {
      slowConsumer("does not read its messages");
      return;
    }
    scheduleDrain();
  }

  @Override
  public void close(CloseCode code, String reason) {
    closeWith(code.code(), reason, false);
  }

  @Override
  public boolean isOpen() {
    return state == OPEN;
  }

  /** The servlet container's connection of this socket. */
  @Override
  public Object nativeSession() {
    return connection;
  }

  /** Frames queued and not yet written. */
  int queued() {
    return queue.size();
  }

  /**
   * Closes this connection with 1013 when a write has waited for the client for longer than {@code
   * timeoutNanos} at {@code now} (called by the server's stall check).
   */
  void closeIfStalled(long now, long timeoutNanos) {
    long since = stalledSince;
    if (since != 0 && now - since > timeoutNanos && state == OPEN) {
      slowConsumer("has not read for " + timeoutNanos / 1_000_000 + " ms");
    }
  }

  private void slowConsumer(String why) {
    if (state != OPEN) {
      return;
    }
    LOG.warn("A session of user {} {}; closing it", LogSafe.text(info.user()), why);
    server.metrics().slowConsumerClosed(info.servicePath());
    closeWith(CloseCode.TRY_AGAIN_LATER.code(), "Send queue limit exceeded", true);
  }

  /** Queues a close frame (behind what waits, unless {@code dropQueued}) and tells core. */
  private void closeWith(int code, String reason, boolean dropQueued) {
    synchronized (writeLock) {
      if (state != OPEN) {
        return;
      }
      state = CLOSING;
      byte[] close = ServerFrames.close(code, reason);
      if (dropQueued) {
        queue.replaceAllWith(close);
      } else {
        queue.force(close);
      }
    }
    ended(String.valueOf(code));
    scheduleDrain();
  }

  /** Tells core once that this socket is closed and takes it out of the server's set. */
  private void ended(String reason) {
    if (ended.compareAndSet(false, true)) {
      server.closed(this);
      guard(() -> server.handler().onClose(this, reason));
    }
  }

  private void scheduleDrain() {
    if (draining.compareAndSet(false, true)) {
      server.scheduler().submit(drainTask);
    }
  }

  private void drain() {
    try {
      writeQueued();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Writing to session {} failed: {}", id, e.toString());
      abandon();
    } finally {
      draining.set(false);
      if (!queue.isEmpty() && !awaitingWritable && !outputClosed) {
        scheduleDrain();
      }
    }
  }

  /**
   * Writes what waits while the container takes more, then flushes; stops when the client does not
   * keep up (the container calls {@link Io#onWritePossible} when it does again).
   */
  private void writeQueued() throws IOException {
    synchronized (writeLock) {
      writeQueuedLocked();
    }
  }

  private void writeQueuedLocked() throws IOException {
    awaitingWritable = true; // set before the check, as for isReady() below: no lost wake-up
    if (out == null) {
      return; // before init, which starts a drain once the output is ready for one
    }
    awaitingWritable = false;
    if (outputClosed || lastFrameWaiting != null) {
      return;
    }
    boolean wrote = false;
    while (true) {
      awaitingWritable = true;
      if (!out.isReady()) {
        if (stalledSince == 0) {
          stalledSince = nonZero(System.nanoTime());
        }
        return;
      }
      awaitingWritable = false;
      byte[] frame = queue.poll();
      if (frame == null) {
        break;
      }
      out.write(frame);
      wrote = true;
      if (ServerFrames.isClose(frame)) {
        outputClosed = true;
        queue.clear();
        out.close(); // flushes; the socket closes when the client answers or goes
        return;
      }
    }
    if (wrote) {
      out.flush();
    }
  }

  /** The socket failed: nothing more is written, core hears the close. */
  private void abandon() {
    state = CLOSED;
    queue.clear();
    ended("1006");
  }

  private void onMessage(String text) {
    if (state == OPEN) {
      guard(() -> server.handler().onMessage(this, InboundFrame.text(text), null));
    }
  }

  private void guard(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure in a session; closing it with 1011", e);
      close(CloseCode.INTERNAL_ERROR, "Internal error");
    }
  }

  /**
   * Ends the connection from a container thread, after writing {@code lastFrame} (if not {@code
   * null}): the container closes the socket when its callback returns. When the client cannot take
   * the frame yet, it is written, and the connection closed, on the next write event.
   */
  private void closeConnection(byte[] lastFrame, String reason) {
    state = CLOSED;
    ended(reason);
    synchronized (writeLock) {
      queue.clear();
      if (lastFrame != null && !outputClosed) {
        if (!isReadySafely()) {
          lastFrameWaiting = lastFrame; // see Io.onWritePossible
          return;
        }
        writeLast(lastFrame);
      }
      outputClosed = true;
    }
    closeStreams();
  }

  private boolean isReadySafely() {
    try {
      return out.isReady();
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private void writeLast(byte[] frame) {
    try {
      out.write(frame);
      out.flush();
    } catch (IOException | IllegalStateException e) {
      LOG.debug("Closing session {}: the last frame was not written: {}", id, e.toString());
    }
  }

  private void closeStreams() {
    try {
      connection.close();
    } catch (Exception e) {
      LOG.debug("Closing session {} failed: {}", id, e.toString());
    }
  }

  private static long nonZero(long nanos) {
    return nanos == 0 ? 1 : nanos;
  }

  /** The container's and the decoder's callbacks (kept off the public type). */
  private final class Io implements ReadListener, WriteListener, FrameDecoder.Listener {

    @Override
    public void onDataAvailable() throws IOException {
      byte[] buffer = server.readBuffer();
      while (in.isReady()) {
        int read = in.read(buffer);
        if (read <= 0) {
          return; // end of stream: the container calls onAllDataRead
        }
        if (!decoder.isDone()) {
          decoder.decode(buffer, 0, read, this);
        } // after a close or a violation: read on, and drop, until the client closes
      }
    }

    @Override
    public void onAllDataRead() {
      closeConnection(null, "1006");
    }

    @Override
    public void onWritePossible() {
      stalledSince = 0;
      awaitingWritable = false;
      byte[] last = lastFrameWaiting;
      if (last != null) {
        synchronized (writeLock) {
          lastFrameWaiting = null;
          writeLast(last);
          outputClosed = true;
        }
        closeStreams();
        return;
      }
      if (outputClosed) {
        return;
      }
      if (!queue.isEmpty()) {
        scheduleDrain();
      }
    }

    @Override
    public void onError(Throwable error) {
      LOG.debug("Session {} failed: {}", id, error.toString());
      closeConnection(null, "1006");
    }

    @Override
    public void textMessage(String message) {
      onMessage(message);
    }

    @Override
    public void binaryMessage() {
      LOG.info("A client sent a binary frame; closing its session with 1003");
      close(CloseCode.UNSUPPORTED_DATA, "Binary frames are not supported");
    }

    @Override
    public void ping(byte[] payload) {
      if (state == OPEN) {
        queue.force(ServerFrames.pong(payload));
        scheduleDrain();
      }
    }

    @Override
    public void closeFrame(int code, String reason) {
      // the client closes (answer with its code) or answers our close: either way the handshake
      // is complete, and the server closes the socket first (RFC 6455, section 7.1.1)
      byte[] answer = state == OPEN ? ServerFrames.close(code, "") : null;
      closeConnection(answer, String.valueOf(code));
    }

    @Override
    public void violation(CloseCode code, String reason) {
      LOG.info(
          "A client's frame was refused ({}); closing its session with {}", reason, code.code());
      if (code.equals(CloseCode.TOO_BIG)) {
        // the decoder skips the message and still reads the client's answer to the close
        closeWith(code.code(), "Message too big", true);
      } else {
        // a protocol error: fail the connection (RFC 6455, section 7.1.7)
        closeConnection(ServerFrames.close(code.code(), reason), String.valueOf(code.code()));
      }
    }
  }
}
