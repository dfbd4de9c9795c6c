/** Wiring of the socket.io adapter into CAP: configuration, lifecycle and the server handle. */
package org.cdswebsocket.socketio.config;
