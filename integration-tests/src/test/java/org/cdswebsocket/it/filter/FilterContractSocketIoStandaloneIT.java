package org.cdswebsocket.it.filter;

import org.cdswebsocket.it.SocketIoStandaloneKindTest;

/** The client-determination contract of {@link FilterContractSocketIoIT} on a standalone port. */
@SocketIoStandaloneKindTest
class FilterContractSocketIoStandaloneIT extends FilterContractSocketIoIT {}
