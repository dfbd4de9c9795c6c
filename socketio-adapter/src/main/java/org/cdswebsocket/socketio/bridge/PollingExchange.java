package org.cdswebsocket.socketio.bridge;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-polling request on an asynchronous servlet request: no container thread waits while the
 * library holds the poll open. The library's response is written on the channel's event loop and
 * completes the request; a poll still open when the container times it out, or whose session ended
 * meanwhile (the next request then gets 400), is answered with the Engine.IO {@code noop} packet,
 * as the reference server does.
 *
 * <p>Exactly one of response, timeout, error or close ends the request (atomic flag).
 */
final class PollingExchange implements HttpExchange, AsyncListener {

  private static final Logger LOG = LoggerFactory.getLogger(PollingExchange.class);
  private static final byte[] NOOP = "6".getBytes(StandardCharsets.US_ASCII);

  private final AsyncContext async;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile BridgeChannel channel;

  PollingExchange(AsyncContext async) {
    this.async = async;
  }

  void channel(BridgeChannel channel) {
    this.channel = channel;
  }

  @Override
  public void respond(int status, HttpHeaders headers, ByteBuf body) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    HttpServletResponse response = (HttpServletResponse) async.getResponse();
    try {
      ResponseHeaders.copy(headers, response);
      response.setStatus(status);
      int length = body.readableBytes();
      response.setContentLength(length);
      body.getBytes(body.readerIndex(), response.getOutputStream(), length);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Polling response not delivered: {}", e.toString());
    } finally {
      complete();
    }
  }

  @Override
  public void closed() {
    end(HttpServletResponse.SC_OK, NOOP);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    end(HttpServletResponse.SC_OK, NOOP);
    closeChannel();
  }

  @Override
  public void onError(AsyncEvent event) {
    done.set(true);
    closeChannel();
  }

  @Override
  public void onComplete(AsyncEvent event) {
    done.set(true);
    closeChannel();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // not restarted
  }

  private void end(int status, byte[] packet) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    HttpServletResponse response = (HttpServletResponse) async.getResponse();
    try {
      response.setStatus(status);
      response.setContentType("text/plain; charset=UTF-8");
      response.setContentLength(packet.length);
      response.getOutputStream().write(packet);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Polling response not delivered: {}", e.toString());
    } finally {
      complete();
    }
  }

  private void complete() {
    try {
      async.complete();
    } catch (IllegalStateException e) {
      LOG.debug("Polling request already ended: {}", e.toString());
    }
  }

  private void closeChannel() {
    BridgeChannel ch = channel;
    if (ch != null && ch.isOpen()) {
      ch.close();
    }
  }
}
