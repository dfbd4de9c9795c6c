package org.cdswebsocket.config;

import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.broadcast.SessionRegistry;
import org.cdswebsocket.model.WebSocketModel;
import org.cdswebsocket.spi.ConnectionHandler;

/**
 * The core object graph a transport adapter works with: the resolved model, the settings, the
 * handler to call for every native callback, and the session registry and broadcaster.
 *
 * <p>Built once by {@link WebSocketRuntimeConfiguration} when the CAP runtime is configured;
 * immutable and thread-safe. Adapters obtain it from the {@link org.cdswebsocket.WebSocketService}
 * in CAP's service catalog.
 *
 * @param settings the {@code cds.websocket.*} settings
 * @param model the websocket endpoints
 * @param connectionHandler what adapters call for native callbacks
 * @param registry the open sessions of this node
 * @param broadcaster delivers broadcasts (locally, or through the cluster)
 */
public record WebSocketRuntime(
    WebSocketSettings settings,
    WebSocketModel model,
    ConnectionHandler connectionHandler,
    SessionRegistry registry,
    Broadcaster broadcaster) {}
