/** Test fakes of the SPI, shared with the other modules through core's test-jar. */
package org.cdswebsocket.testing;
