package org.cdswebsocket.example.chat;

import cds.gen.chatservice.AnnounceContext;
import cds.gen.chatservice.ChatService_;
import cds.gen.chatservice.MessageContext;
import cds.gen.chatservice.Presence;
import cds.gen.chatservice.PresenceContext;
import cds.gen.chatservice.Received;
import cds.gen.chatservice.ReceivedContext;
import cds.gen.chatservice.WsConnectContext;
import cds.gen.chatservice.WsDisconnectContext;
import com.sap.cds.services.EventContext;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.On;
import com.sap.cds.services.handler.annotations.ServiceName;
import org.springframework.stereotype.Component;

/**
 * The chat's logic: plain CAP handlers. Nothing here knows about websockets; emitting the modelled
 * events is all it takes for cds-websocket to broadcast them.
 */
@Component
@ServiceName(ChatService_.CDS_NAME)
public class ChatHandler implements EventHandler {

  @On(event = MessageContext.CDS_NAME)
  public void message(MessageContext context) {
    emitReceived(context, context.getText(), context.getUserInfo().getName());
    context.setResult(context.getText());
  }

  @On(event = AnnounceContext.CDS_NAME)
  public void announce(AnnounceContext context) {
    emitReceived(context, context.getText(), "moderator " + context.getUserInfo().getName());
    context.setResult(context.getText());
  }

  @On(event = WsConnectContext.CDS_NAME)
  public void connected(WsConnectContext context) {
    emitPresence(context, "joined");
    context.setCompleted();
  }

  @On(event = WsDisconnectContext.CDS_NAME)
  public void disconnected(WsDisconnectContext context) {
    emitPresence(context, "left");
    context.setCompleted();
  }

  private static void emitReceived(EventContext context, String text, String user) {
    Received received = Received.create();
    received.setText(text);
    received.setUser(user);
    ReceivedContext event = ReceivedContext.create();
    event.setData(received);
    context.getService().emit(event);
  }

  private static void emitPresence(EventContext context, String status) {
    Presence presence = Presence.create();
    presence.setUser(context.getUserInfo().getName());
    presence.setStatus(status);
    PresenceContext event = PresenceContext.create();
    event.setData(presence);
    context.getService().emit(event);
  }
}
