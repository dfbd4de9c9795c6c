/**
 * Decisions about what a connected client's CAP user may receive: service access and READ rights.
 */
package org.cdswebsocket.authorization;
