/** Inbound calls: from a parsed client message to a CAP operation run as the socket's user, and back as a result or error. */
package org.cdswebsocket.dispatch;
