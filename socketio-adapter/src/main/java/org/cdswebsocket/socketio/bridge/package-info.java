/**
 * Same-port mode: carries Engine.IO requests and upgraded websocket connections of the
 * application's servlet container through netty-socketio's own pipeline, on Netty event loops,
 * without a second socket.
 */
package org.cdswebsocket.socketio.bridge;
