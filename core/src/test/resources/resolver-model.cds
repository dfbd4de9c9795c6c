// Model for WebSocketModelResolverTest: every way a service is (not) served over websockets, its
// path, and what its entities, events and operations contribute. Compile with
//   npx cds compile core/src/test/resources/resolver-model.cds --to csn > core/src/test/resources/resolver-model.json

// ---- which services: annotations ----

@websocket
service ChatService {
  @odata.draft.enabled
  entity Notes { key ID : UUID; text : String; }

  entity Rooms { key ID : UUID; name : String; items : Composition of many Lines on items.room = $self; }
    actions {
      action rename(name : String) returns Rooms;
      function size() returns Integer;
    };

  // composite key with an association: clients address a line by its scalar keys only
  @ws.broadcast: 'data'
  entity Lines { key room : Association to Rooms; key pos : Integer; text : String; }

  @websocket.broadcast.content: 'none'
  entity Silent { key ID : Integer; }

  // the long form wins over the short one
  @ws.broadcast.content: 'data'
  @ws.broadcast: 'none'
  @ws.broadcast.all
  entity Loud { key ID : Integer; }

  @websocket.broadcast: 'DATA'
  entity Shouting { key ID : Integer; }

  @ws.broadcast: 'whatever'
  entity Unknown { key ID : Integer; }

  event received { text : String; }
  action send(text : String, @ws.ignore internal : String) returns String;
  function echo(text : String) returns String;
  action wsConnect();
  action wsDisconnect(reason : String);
  action wsContext(context : String, exit : Boolean);
}

// what some compilers emit as the draft shadow of ChatService.Notes: never reachable by clients
entity ChatService.Notes.drafts { key ID : UUID; text : String; }

@ws
service GuestBillingService {}

@protocol: 'websocket'
service ProtocolStringService {}

@protocol: 'ws'
@path: 'short'
service ProtocolShortService {}

@protocol: 'WebSocket'
service ProtocolUpperCaseService {}

@protocol: ['odata', 'websocket']
@path: 'listed'
service ProtocolListService {}

@protocols: ['rest', 'ws']
service ProtocolsListService {}

@protocol: 'odata'
service ODataOnlyService {}

@protocol: ['odata', 'rest']
service ODataRestService {}

service PlainService {}

// Node's object form (crashes CAP Java 4.6.1 at start-up, but the resolver understands it)
@protocol: [{kind: 'websocket', path: 'x'}]
service NodeObjectFormService {}

@websocket
@path: '/absolute/'
service AbsoluteService {}

@websocket
@path: 'nested/deeper/'
service NestedService {}

@websocket
service my.name.space.Snake_CaseService {}

// ---- which services: ignore annotations ----

@websocket
@cds.ignore
service IgnoredService {}

@websocket
@cds.serve.ignore
service ServeIgnoredService {}

// ---- which services: configuration (the tests supply serve.* for these) ----

// enabled by annotation, configured to serve OData only
@websocket
service ConfiguredOffService {}

// not annotated, configured to serve websocket
service ConfiguredOnService {}

// enabled by annotation, configured serve.ignore
@websocket
service ConfiguredIgnoredService {}

// configured serve.path beats @path
@websocket
@path: 'annotated'
service ConfiguredPathService {}

// ---- formats ----

@websocket
@ws.format: 'pcp'
service PcpService {
  event inherited { text : String; }
  @websocket.format: 'json'
  event overridden { text : String; }
}
