package org.cdswebsocket.dispatch;

import com.sap.cds.services.ServiceException;
import org.cdswebsocket.model.ServiceEndpoint;
import org.cdswebsocket.spi.AckCallback;
import org.cdswebsocket.spi.ClientSession;
import org.cdswebsocket.spi.ErrorPayload;
import org.cdswebsocket.spi.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failed call into its outcome: a CAP {@link ServiceException}
 * (authorization, validation, not found) is logged at INFO and acknowledged with CAP's code and
 * message; anything else is logged at ERROR and acknowledged with code 500 and a generic message,
 * so that no internal detail reaches clients. {@link Error}s of handlers (e.g. a {@code
 * NoSuchMethodError} from a broken dependency) are treated like unexpected exceptions, so that they
 * never stop the transport's thread or a session's serial executor. Client-supplied text (event
 * names, CAP messages that quote the payload) is escaped in the log. Stateless.
 */
final class CallFailures {

  private static final Logger LOG = LoggerFactory.getLogger(CallFailures.class);

  private CallFailures() {}

  /**
   * Logs the failure of a call and acknowledges it, if the transport acknowledges.
   *
   * @param call the event name, for the log
   */
  static void report(
      Throwable failure,
      String call,
      ClientSession session,
      ServiceEndpoint endpoint,
      AckCallback ack) {
    Object error;
    if (failure instanceof ServiceException e) {
      LOG.info(
          "Call of {} by user {} at {} failed: {}",
          LogSafe.text(call),
          LogSafe.text(session.info().user()),
          endpoint.path(),
          LogSafe.text(e.getMessage()));
      error = ErrorPayload.of(e);
    } else {
      LOG.error(
          "Call of {} by user {} at {} failed unexpectedly",
          LogSafe.text(call),
          LogSafe.text(session.info().user()),
          endpoint.path(),
          failure);
      error = ErrorPayload.of(ErrorPayload.INTERNAL, "Internal server error");
    }
    if (ack != null) {
      ack.failure(error);
    }
  }
}
