/**
 * Client determination, emit headers, facade, lifecycle operations, outbox and tenant isolation
 * against the real test app; {@link org.cdswebsocket.it.filter.AbstractFilterContractTest} is the
 * transport-neutral contract table, run per kind by a subclass.
 */
package org.cdswebsocket.it.filter;
