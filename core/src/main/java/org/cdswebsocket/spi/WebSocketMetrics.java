package org.cdswebsocket.spi;

import java.util.function.IntSupplier;

/**
 * What transport adapters report for metrics: the events only they see. Core records everything
 * else itself (sessions, inbound messages, deliveries, error acknowledgements, cluster traffic) by
 * decorating the contracts it hands out. Adapters get their instance from {@link
 * TransportContext#metrics()}.
 *
 * <p>Paths are endpoint paths ({@link Endpoint#path()}, the Socket.IO namespace); implementations
 * map them to the service name and record any path they do not serve under one fixed value, so a
 * client cannot create meters with its own input. Reasons are a small fixed vocabulary chosen by
 * the adapter ({@code unauthorized}, {@code forbidden}, {@code busy}, {@code unknown-endpoint},
 * {@code error}).
 *
 * <p>Lifecycle: the instance exists before a meter registry may be bound (Micrometer is optional);
 * events before that are not counted, gauges are registered once it is bound. Threading: every
 * method may be called from any thread, is cheap and never throws.
 */
public interface WebSocketMetrics {

  /** Records nothing. */
  WebSocketMetrics NONE = new WebSocketMetrics() {};

  /** A connection to {@code path} was refused before it opened. */
  default void connectionRefused(String path, String reason) {}

  /** A session at {@code path} was closed because it did not read its messages in time. */
  default void slowConsumerClosed(String path) {}

  /** The frames queued for all sessions of this transport, read when the gauge is sampled. */
  default void sendQueueDepth(IntSupplier frames) {}

  /** The calls waiting for a worker thread, read when the gauge is sampled. */
  default void workerQueueDepth(IntSupplier tasks) {}
}
