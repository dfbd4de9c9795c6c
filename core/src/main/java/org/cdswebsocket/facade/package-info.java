/**
 * The per-socket API for CAP handlers invoked from a socket ({@link
 * org.cdswebsocket.facade.WebSocketFacade}): emit, broadcast, contexts, disconnect.
 */
package org.cdswebsocket.facade;
