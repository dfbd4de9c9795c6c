/** Kind ws at the level of RFC 6455 frames: raw sockets against the real server. */
package org.cdswebsocket.it.protocol;
