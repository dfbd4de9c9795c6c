/** Spring Boot wiring that hands the application's message format beans to core. */
package org.cdswebsocket.format.spring;
