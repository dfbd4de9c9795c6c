/** Jakarta WebSocket endpoints that translate container callbacks into core calls. */
package org.cdswebsocket.ws.endpoint;
