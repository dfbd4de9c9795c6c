using { cdswebsocket.it as db } from '../db/schema';

/**
 * Every format and mixin form of the Node plugin's README (issue 11): services with the formats
 * pcp, cloudevent, cloudevents, generic and custom formats (class name, Spring bean,
 * ServiceLoader), an OData service with mixin events and operations, @ws.path re-routing and
 * enum-symbol annotation values. The app must start from it without a warning.
 */

// --- pcp -------------------------------------------------------------------------------------------
@ws
@ws.format: 'pcp'
@path: 'pcp'
service PcpService {
  @ws.pcp.action: 'MESSAGE'
  action sendNotification(@ws.pcp.message message : String, field1 : String, field2 : Integer,
                          @ws.ignore secret : String) returns Boolean;

  @ws.pcp.event
  @ws.pcp.message: 'this is the body!'
  event notification1 {
    field1 : String;
    field2 : String;
    @ws.ignore
    field3 : String;
  }

  @ws.pcp.action: 'wsContext'
  action wsContext(context : String, exit : Boolean, reset : Boolean);

  @ws.context: 'ctx'
  @ws.pcp.event
  event contextual { text : String; }

  /** Emits `contextual` (a pcp event reaching only sockets in context `ctx`). */
  action triggerContextual(text : String);
}

// --- cloudevent ------------------------------------------------------------------------------------
type CloudEventDataType : {
  appinfoA : String;
  appinfoB : Integer;
  appinfoC : Boolean;
};

@ws
@ws.format: 'cloudevent'
@path: 'cloudevent'
service CloudEventService {
  @ws.cloudevent.name: 'com.example.someevent.model'
  action sendCloudEventModel(subject : String, comexampleextension1 : String,
                             comexampleothervalue : Integer, data : CloudEventDataType) returns Boolean;

  @ws.cloudevent.name: 'com.example.someevent.map'
  @ws.cloudevent.subject: 'cloud'
  action sendCloudEventMap(@ws.cloudevent.subject subject : String,
                           @ws.cloudevent.comexampleextension1 extension1 : String,
                           @ws.cloudevent.comexampleothervalue othervalue : Integer,
                           appinfoA : String, appinfoB : Integer, appinfoC : Boolean,
                           @ws.ignore appinfoD : String) returns Boolean;

  event cloudEvent1 {
    appinfoA : String;
    appinfoB : Integer;
    appinfoC : Boolean;
  }

  @ws.cloudevent.specversion: '1.0'
  @ws.cloudevent.type: 'com.example.someevent'
  @ws.cloudevent.source: '/mycontext'
  @ws.cloudevent.subject: 'example'
  @ws.cloudevent.id: 'C234-1234-1234'
  @ws.cloudevent.time: '2018-04-05T17:31:00Z'
  @ws.cloudevent.comexampleextension1: 'value'
  @ws.cloudevent.comexampleothervalue: 5
  @ws.cloudevent.datacontenttype: 'application/json'
  event cloudEvent2 {
    appinfoA : String;
    appinfoB : Integer;
    appinfoC : Boolean;
  }

  event cloudEvent3 {
    @ws.cloudevent.subject
    subject : String;
    @ws.cloudevent.comexampleextension1
    extension1 : String;
    @ws.cloudevent.comexampleothervalue
    othervalue : Integer;
    appinfoA : String;
    appinfoB : Integer;
    appinfoC : Boolean;
  }

  event cloudEvent {
    specversion : String;
    type : String;
    source : String;
    subject : String;
    id : String;
    time : String;
    comexampleextension1 : String;
    comexampleothervalue : Integer;
    datacontenttype : String;
    data : CloudEventDataType;
  }
}

// --- cloudevents (plural) --------------------------------------------------------------------------
@ws
@ws.format: 'cloudevents'
@path: 'cloudevents'
service CloudEventsService {
  @ws.cloudevents.name: 'com.example.plural'
  action sendPlural(@ws.cloudevents.subject subject : String, text : String) returns String;

  @ws.cloudevents.type: 'com.example.plural.echo'
  event pluralEcho {
    @ws.cloudevents.subject
    subject : String;
    text : String;
  }
}

// --- generic ---------------------------------------------------------------------------------------
@ws
@ws.format: 'generic'
@path: 'generic'
service GenericService {
  @ws.generic.name: 'greet'
  action hello(@ws.generic.who who : String) returns String;

  @ws.generic.name: 'greeting'
  event greeted {
    @ws.generic.who
    who : String;
    text : String;
  }
}

// --- custom formats --------------------------------------------------------------------------------
/** Service format by class name; events by Spring bean name and by ServiceLoader name. */
@ws
@ws.format: 'org.cdswebsocket.it.format.LineFormat'
@path: 'custom'
service CustomFormatService {
  action shout(text : String) returns String;

  event byClass { text : String; }
  @ws.format: 'lineBean'
  event byBean { text : String; }
  @ws.format: 'line-loaded'
  event byLoader { text : String; }
}

// --- mixins (an OData service, not served via websocket) -------------------------------------------
@protocol: 'odata'
@path: 'mixin'
service MixinService {
  entity Memos as projection on db.Memos;

  /** Emitted by the OData create handler of Memos. */
  @websocket
  event memoCreated {
    ID : UUID;
    text : String;
  }

  /** Enum-symbol value: only the emitting user's sockets receive it. */
  @ws.user: #includeCurrent
  event memoMine {
    text : String;
  }

  @ws
  function mixinEcho(text : String) returns String;

  /** Re-routed to the pcp service's path, composed as pcp (Node rule A-8). */
  @ws.path: 'pcp'
  @ws.format: #pcp
  @ws.pcp.event
  event notify {
    text : String;
  }

  /** Bound on /ws/mixin and on /ws/pcp; emits `notify` and `notifyOp`. */
  @ws.path: 'pcp'
  action chat(text : String) returns String;

  /** Re-routed, json: one path carries two formats. */
  @ws.path: 'pcp'
  @ws.format: 'json'
  event notifyOp {
    text : String;
  }

  /** Not annotated: neither exposed nor broadcast. */
  event internalOnly { text : String; }
}

// --- enum-symbol values on a websocket service -----------------------------------------------------
@ws
@path: 'symbols'
service SymbolService {
  @ws.broadcast: #data
  entity Memos as projection on db.Memos;
}
