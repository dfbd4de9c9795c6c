/** Who receives a broadcast: the immutable {@link org.cdswebsocket.recipients.Recipients} value and its matcher. */
package org.cdswebsocket.recipients;
