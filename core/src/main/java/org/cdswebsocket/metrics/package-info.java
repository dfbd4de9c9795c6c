/** What core measures, and the connection-handler decorator that measures it. */
package org.cdswebsocket.metrics;
