package org.cdswebsocket.it.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cdswebsocket.spi.AckCallback;

/** Records the one acknowledgement core gives for a call. */
public final class AckRecorder implements AckCallback {

  /** What came back: a result or an error payload. */
  public record Ack(boolean success, Object value) {}

  private final CompletableFuture<Ack> ack = new CompletableFuture<>();

  @Override
  public void success(Object result) {
    if (!ack.complete(new Ack(true, result))) {
      throw new AssertionError("Acknowledged twice");
    }
  }

  @Override
  public void failure(Object error) {
    if (!ack.complete(new Ack(false, error))) {
      throw new AssertionError("Acknowledged twice");
    }
  }

  /** The acknowledgement, waiting at most five seconds. */
  public Ack get() throws Exception {
    return ack.get(5, TimeUnit.SECONDS);
  }

  /** Whether an acknowledgement arrived. */
  public boolean isDone() {
    return ack.isDone();
  }
}
