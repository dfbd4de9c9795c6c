package org.cdswebsocket.it;

import cds.gen.mainservice.AdminOnlyContext;
import cds.gen.mainservice.CrashContext;
import cds.gen.mainservice.CustomEvent;
import cds.gen.mainservice.CustomEventContext;
import cds.gen.mainservice.EchoContext;
import cds.gen.mainservice.FailContext;
import cds.gen.mainservice.MainService_;
import cds.gen.mainservice.PriceContext;
import cds.gen.mainservice.RatioContext;
import cds.gen.mainservice.SumContext;
import cds.gen.mainservice.TotalContext;
import cds.gen.mainservice.TriggerContext;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.On;
import com.sap.cds.services.handler.annotations.ServiceName;
import org.springframework.stereotype.Component;

/** Handlers of the test service's operations. */
@Component
@ServiceName(MainService_.CDS_NAME)
public class MainServiceHandler implements EventHandler {

  @On(event = EchoContext.CDS_NAME)
  public void echo(EchoContext context) {
    context.setResult(context.getText());
  }

  @On(event = SumContext.CDS_NAME)
  public void sum(SumContext context) {
    context.setResult(context.getA() + context.getB());
  }

  @On(event = FailContext.CDS_NAME)
  public void fail(FailContext context) {
    throw new ServiceException(ErrorStatuses.CONFLICT, context.getMessage());
  }

  @On(event = TriggerContext.CDS_NAME)
  public void trigger(TriggerContext context) {
    CustomEvent data = CustomEvent.create();
    data.setText(context.getText());
    CustomEventContext event = CustomEventContext.create();
    event.setData(data);
    context.getService().emit(event);
    context.setCompleted();
  }

  @On(event = CrashContext.CDS_NAME)
  public void crash(CrashContext context) {
    throw new NoSuchMethodError("simulated broken dependency");
  }

  @On(event = PriceContext.CDS_NAME)
  public void price(PriceContext context) {
    context.setResult(context.getP());
  }

  @On(event = RatioContext.CDS_NAME)
  public void ratio(RatioContext context) {
    context.setResult(context.getR());
  }

  @On(event = TotalContext.CDS_NAME)
  public void total(TotalContext context) {
    context.setResult(context.getValues().stream().mapToInt(Integer::intValue).sum());
  }

  @On(event = AdminOnlyContext.CDS_NAME)
  public void adminOnly(AdminOnlyContext context) {
    context.setResult("secret");
  }
}
