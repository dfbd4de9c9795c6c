/** Pure Socket.IO v5 packet decoding and validation, independent of Netty and of the library. */
package org.cdswebsocket.socketio.protocol;
