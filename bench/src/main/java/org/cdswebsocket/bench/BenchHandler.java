package org.cdswebsocket.bench;

import cds.gen.benchservice.BenchService_;
import cds.gen.benchservice.Received;
import cds.gen.benchservice.ReceivedContext;
import cds.gen.benchservice.SendContext;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.On;
import com.sap.cds.services.handler.annotations.ServiceName;
import org.springframework.stereotype.Component;

/**
 * The whole benchmark workload: {@code send(text)} emits {@code received} with the same text, which
 * cds-websocket broadcasts to every client of the service. The Node reference does the same in
 * bench/node-reference/srv/bench-handler.js.
 */
@Component
@ServiceName(BenchService_.CDS_NAME)
public class BenchHandler implements EventHandler {

  @On(event = SendContext.CDS_NAME)
  public void send(SendContext context) {
    Received received = Received.create();
    received.setText(context.getText());
    ReceivedContext event = ReceivedContext.create();
    event.setData(received);
    context.getService().emit(event);
    context.setResult(context.getText());
  }
}
