/** Custom message formats of the test app, found by class name, Spring bean and ServiceLoader. */
package org.cdswebsocket.it.format;
