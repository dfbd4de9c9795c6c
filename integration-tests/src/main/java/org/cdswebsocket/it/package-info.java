/** The CAP test application behind the integration tests. */
package org.cdswebsocket.it;
