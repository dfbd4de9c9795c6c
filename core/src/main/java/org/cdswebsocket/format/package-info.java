/** Message formats: pure codecs between wire text and events, without I/O or sessions. */
package org.cdswebsocket.format;
