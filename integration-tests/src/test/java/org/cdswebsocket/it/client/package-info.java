/** Real test clients for the integration tests. */
package org.cdswebsocket.it.client;
