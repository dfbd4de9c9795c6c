/** Attacks on the guarantees of issue 12 ("Hardening") through real clients of both kinds. */
package org.cdswebsocket.it.hardening;
