/** Bounded worker threads for CAP work, with per-session ordering; never a Netty event loop. */
package org.cdswebsocket.socketio.worker;
