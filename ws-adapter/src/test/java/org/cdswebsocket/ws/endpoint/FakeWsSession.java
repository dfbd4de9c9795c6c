package org.cdswebsocket.ws.endpoint;

import com.sap.cds.services.request.UserInfo;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.cdswebsocket.spi.ClientInfo;

/**
 * A Jakarta {@link Session} stand-in (a dynamic proxy) that records what a sender thread writes,
 * checks that the remote endpoint is never used concurrently, and can block writes like a client
 * that does not read.
 */
final class FakeWsSession {

  final List<String> received = new ArrayList<>(); // guarded by this
  volatile boolean open = true;
  volatile CloseReason closeReason;
  volatile CountDownLatch blockWrites; // non-null: every sendText waits for it
  volatile boolean concurrentUse;
  private int unflushed; // guarded by this
  private boolean batching; // guarded by this; off, as in a new container session
  private int inUse; // guarded by this

  final Session session =
      (Session)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Session.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "isOpen" -> open;
                    case "getBasicRemote" -> remote();
                    case "close" -> {
                      closeReason = args == null ? null : (CloseReason) args[0];
                      open = false;
                      yield null;
                    }
                    case "getId" -> "fake";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeWsSession";
                    default -> throw new UnsupportedOperationException(method.getName());
                  });

  private final RemoteEndpoint.Basic remote =
      (RemoteEndpoint.Basic)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {RemoteEndpoint.Basic.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "sendText" -> sendText((String) args[0]);
                  case "flushBatch" -> flush();
                  case "setBatchingAllowed" -> setBatching((Boolean) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
              });

  private RemoteEndpoint.Basic remote() {
    return remote;
  }

  private void sendText(String text) throws IOException, InterruptedException {
    enter();
    try {
      CountDownLatch latch = blockWrites;
      if (latch != null) {
        latch.await();
      }
      if (!open) {
        throw new IOException("closed");
      }
      synchronized (this) {
        received.add(text);
        if (batching) {
          unflushed++;
        }
      }
    } finally {
      exit();
    }
  }

  private void flush() {
    enter();
    try {
      synchronized (this) {
        unflushed = 0;
      }
    } finally {
      exit();
    }
  }

  private void setBatching(boolean on) {
    enter();
    try {
      synchronized (this) {
        if (batching && !on) {
          unflushed = 0;
        }
        batching = on;
      }
    } finally {
      exit();
    }
  }

  private synchronized void enter() {
    if (++inUse > 1) {
      concurrentUse = true;
    }
  }

  private synchronized void exit() {
    inUse--;
  }

  synchronized List<String> received() {
    return new ArrayList<>(received);
  }

  /** Whether every written frame was flushed. */
  synchronized boolean allFlushed() {
    return unflushed == 0;
  }

  static ClientInfo info(String user) {
    UserInfo userInfo =
        (UserInfo)
            Proxy.newProxyInstance(
                FakeWsSession.class.getClassLoader(),
                new Class<?>[] {UserInfo.class},
                (proxy, method, args) -> method.getName().equals("getName") ? user : null);
    return new ClientInfo(userInfo, null, "/ws/test");
  }
}
