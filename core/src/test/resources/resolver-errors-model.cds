// Model for WebSocketModelResolverTest's start-up errors. Each test enables only the services it
// is about (the others are configured serve.ignore). Compile with
//   npx cds compile core/src/test/resources/resolver-errors-model.cds --to csn > core/src/test/resources/resolver-errors-model.json

// two services on one path: a relative @path and the absolute path it resolves to
@websocket
@path: 'same'
service FirstClashService {}

@ws
@path: '/ws/same/'
service SecondClashService {}

// two services on one path: a default slug and an explicit @path
@websocket
service OrdersService {}

@protocol: 'websocket'
@path: 'orders'
service LegacyOrdersService {}

// unsupported formats
@websocket
@ws.format: 'xml'
service XmlService {}

@websocket
service EventFormatService {
  event fine { text : String; }
  @websocket.format: 'yaml'
  event strange { text : String; }
}
