// Model for WebSocketRuntimeConfigurationIT: a real CAP runtime built from it. Compile with
//   npx cds compile core/src/test/resources/wiring-model.cds --to csn > core/src/test/resources/wiring-model.json

@websocket
service ChatService {
  event received { text : String; }
}

@protocol: ['odata', 'websocket']
@path: '/listed'
service ListedService {}

@protocol: 'odata'
service ODataService {}

// served over websockets only when cds.application.services.ConfiguredService.serve.protocols says so
service ConfiguredService {}
