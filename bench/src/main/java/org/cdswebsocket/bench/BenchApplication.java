package org.cdswebsocket.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the bench app; {@code --cds.websocket.kind=ws|socket.io} picks the transport. */
@SpringBootApplication
public class BenchApplication {

  public static void main(String[] args) {
    SpringApplication.run(BenchApplication.class, args);
  }
}
