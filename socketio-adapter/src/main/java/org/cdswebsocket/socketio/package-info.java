/**
 * Kind {@code socket.io} for cds-websocket: the public handle of the Socket.IO server and the
 * transport registration.
 */
package org.cdswebsocket.socketio;
