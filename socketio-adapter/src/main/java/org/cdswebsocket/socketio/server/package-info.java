/**
 * The netty-socketio server, wrapped: pipeline handlers, namespace routing, sessions and the
 * pre-encoded, batch-flushed broadcast path.
 */
package org.cdswebsocket.socketio.server;
