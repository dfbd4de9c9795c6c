/** The contract between core and transports: sessions the adapters own, the handler core owns. */
package org.cdswebsocket.spi;
