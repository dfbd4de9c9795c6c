package org.cdswebsocket.it;

import com.sap.cds.services.EventContext;
import com.sap.cds.services.cds.CdsCreateEventContext;
import com.sap.cds.services.cds.CqnService;
import com.sap.cds.services.handler.EventHandler;
import com.sap.cds.services.handler.annotations.After;
import com.sap.cds.services.handler.annotations.On;
import com.sap.cds.services.handler.annotations.ServiceName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdswebsocket.WebSocketService;
import org.springframework.stereotype.Component;

/**
 * Handlers of the format and mixin test services (srv/format-services.cds): every operation emits
 * events so that tests observe the composed frames of each format.
 */
@Component
public class FormatServicesHandler {

  private static void emit(EventContext caller, String event, Map<String, ?> data) {
    emit(caller, event, data, null);
  }

  private static void emit(
      EventContext caller, String event, Map<String, ?> data, Map<String, ?> headers) {
    EventContext emitted = EventContext.create(event, null);
    emitted.put("data", new LinkedHashMap<>(data));
    if (headers != null) {
      emitted.put(WebSocketService.HEADERS, headers);
    }
    caller.getService().emit(emitted);
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** pcp. */
  @Component
  @ServiceName("PcpService")
  public static class Pcp implements EventHandler {
    @On(event = "sendNotification")
    public void send(EventContext context) {
      emit(
          context,
          "notification1",
          map(
              "field1", context.get("field1"),
              "field2", String.valueOf(context.get("field2")),
              "field3", context.get("message")));
      context.put("result", Boolean.TRUE);
      context.setCompleted();
    }

    @On(event = "triggerContextual")
    public void contextual(EventContext context) {
      emit(context, "contextual", map("text", context.get("text")));
      context.setCompleted();
    }

    @On(event = "wsContext")
    public void wsContext(EventContext context) {
      context.setCompleted();
    }
  }

  /** cloudevent. */
  @Component
  @ServiceName("CloudEventService")
  public static class CloudEvents implements EventHandler {
    @On(event = "sendCloudEventModel")
    public void model(EventContext context) {
      Map<String, Object> event =
          map(
              "specversion", "1.0",
              "type", "com.example.someevent.model",
              "source", "/mycontext",
              "subject", context.get("subject"),
              "id", "C234-1234-1234",
              "time", "2018-04-05T17:31:00Z",
              "comexampleextension1", context.get("comexampleextension1"),
              "comexampleothervalue", context.get("comexampleothervalue"),
              "datacontenttype", "application/json",
              "data", context.get("data"));
      emit(context, "cloudEvent", event);
      emit(context, "cloudEvent2", asMap(context.get("data")));
      emit(
          context,
          "cloudEvent1",
          asMap(context.get("data")),
          Map.of("ws", Map.of("cloudevent", Map.of("subject", "from-header"))));
      context.put("result", Boolean.TRUE);
      context.setCompleted();
    }

    @On(event = "sendCloudEventMap")
    public void mapped(EventContext context) {
      emit(
          context,
          "cloudEvent3",
          map(
              "subject", context.get("subject"),
              "extension1", context.get("extension1"),
              "othervalue", context.get("othervalue"),
              "appinfoA", context.get("appinfoA"),
              "appinfoB", context.get("appinfoB"),
              "appinfoC", context.get("appinfoC")));
      context.put("result", context.get("appinfoD") == null);
      context.setCompleted();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
      return value instanceof Map<?, ?> map
          ? new LinkedHashMap<>((Map<String, Object>) map)
          : map();
    }
  }

  /** cloudevents (plural). */
  @Component
  @ServiceName("CloudEventsService")
  public static class CloudEventsPlural implements EventHandler {
    @On(event = "sendPlural")
    public void plural(EventContext context) {
      emit(
          context,
          "pluralEcho",
          map("subject", context.get("subject"), "text", context.get("text")));
      context.put("result", context.get("text"));
      context.setCompleted();
    }
  }

  /** generic. */
  @Component
  @ServiceName("GenericService")
  public static class Generic implements EventHandler {
    @On(event = "hello")
    public void hello(EventContext context) {
      String who = (String) context.get("who");
      emit(context, "greeted", map("who", who, "text", "hello " + who));
      context.put("result", "hello " + who);
      context.setCompleted();
    }
  }

  /** Custom formats. */
  @Component
  @ServiceName("CustomFormatService")
  public static class Custom implements EventHandler {
    @On(event = "shout")
    public void shout(EventContext context) {
      String text = String.valueOf(context.get("text")).toUpperCase(Locale.ROOT);
      for (String event : List.of("byClass", "byBean", "byLoader")) {
        emit(context, event, map("text", text));
      }
      context.put("result", text);
      context.setCompleted();
    }
  }

  /** Mixins of the OData service. */
  @Component
  @ServiceName("MixinService")
  public static class Mixin implements EventHandler {
    @After(event = CqnService.EVENT_CREATE, entity = "MixinService.Memos")
    public void created(CdsCreateEventContext context) {
      for (Map<String, Object> row : context.getResult().list()) {
        emit(context, "memoCreated", map("ID", row.get("ID"), "text", row.get("text")));
        emit(context, "memoMine", map("text", row.get("text")));
      }
    }

    @On(event = "chat")
    public void chat(EventContext context) {
      emit(context, "notify", map("text", context.get("text")));
      emit(context, "notifyOp", map("text", context.get("text")));
      context.put("result", context.get("text"));
      context.setCompleted();
    }

    @On(event = "mixinEcho")
    public void echo(EventContext context) {
      context.put("result", context.get("text"));
      context.setCompleted();
    }
  }
}
