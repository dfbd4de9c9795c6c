package org.cdswebsocket.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs the test app with kind {@code socket.io} in same-port mode: Socket.IO on the app's port
 * (read it with {@link org.cdswebsocket.test.SocketIoTestClient#port}). Every socket.io test class
 * carries exactly this configuration, so Spring's context cache starts the app once for all of
 * them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.websocket.kind=socket.io"})
public @interface SocketIoKindTest {}
