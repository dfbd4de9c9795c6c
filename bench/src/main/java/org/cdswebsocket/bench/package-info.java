/** The benchmark's CAP app: the load target of bench/run.sh (not deployed). */
package org.cdswebsocket.bench;
