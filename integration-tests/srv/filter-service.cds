/**
 * Client determination (issue 6): one event per filter annotation variant, test drivers that emit
 * directly, through the outbox and through the per-socket facade, and the lifecycle operations.
 * Served over websocket and OData (x-ws-* request headers).
 */
@protocol: ['websocket', 'odata']
@path    : 'filter'
service FilterService {

  // --- drivers -------------------------------------------------------------------------------
  /** Emits `event` with JSON `data` and `headers`, then a `marker` in every tenant. */
  action emitEvent(event : String, data : LargeString, headers : LargeString);
  /** Emits through the outbox (`inmemory` | `persistent`); `fail` rolls the change set back. */
  action emitOutboxed(event : String, data : LargeString, headers : LargeString,
                      outbox : String, fail : Boolean);
  /** Calls the facade of the calling socket: emit, broadcast, broadcastAll, enter, exit, reset,
      disconnect, native, onDisconnect, report (only reports the contexts). */
  action facade(op : String, text : String, context : String, filter : LargeString);

  action wsConnect();
  action wsDisconnect(reason : String);
  action wsContext(context : String, exit : Boolean, reset : Boolean);

  event marker      { tenant : String; }
  event welcome     { user : String; }
  event contexts    { contexts : many String; }
  event disconnects { text : String; }
  event plain       { text : String; }

  // --- users -----------------------------------------------------------------------------------
  @ws.user: 'bob'                                   event wsUser                        { text : String; }
  @websocket.user.include: ['carol']                event websocketUserInclude          { text : String; }
  @ws.broadcast.user.include: 'bob'                 event wsBroadcastUserInclude        { text : String; }
  @websocket.broadcast.user: 'carol'                event websocketBroadcastUser        { text : String; }
  @ws.user.include: 'bob'                           event wsUserInclude                 { text : String; }
  @websocket.user: ['bob', 'carol']                 event websocketUser                 { text : String; }
  @ws.broadcast.user: 'carol'                       event wsBroadcastUser               { text : String; }
  @websocket.broadcast.user.include: ['bob']        event websocketBroadcastUserInclude { text : String; }
  @ws.user.exclude: 'alice'                         event wsUserExclude                 { text : String; }
  @websocket.user.exclude: ['alice', 'bob']         event websocketUserExclude          { text : String; }
  @ws.broadcast.user.exclude: 'bob'                 event wsBroadcastUserExclude        { text : String; }
  @websocket.broadcast.user.exclude: 'carol'        event websocketBroadcastUserExclude { text : String; }
  @ws: { user: 'bob' }                              event wsStructured                  { text : String; }

  // --- current user (static) -------------------------------------------------------------------
  @ws.user: 'includeCurrent'                        event wsUserIncludeCurrent          { text : String; }
  @websocket.user: 'excludeCurrent'                 event websocketUserExcludeCurrent   { text : String; }
  @ws.broadcast.user: 'includeCurrent'              event wsBroadcastUserIncludeCurrent { text : String; }
  @websocket.broadcast.user: 'excludeCurrent'       event websocketBroadcastUserExcludeCurrent { text : String; }
  @ws.currentUser                                   event wsCurrentUser                 { text : String; }
  @websocket.currentUser.include                    event websocketCurrentUserInclude   { text : String; }
  @ws.currentUser.exclude                           event wsCurrentUserExclude          { text : String; }
  @websocket.broadcast.currentUser                  event websocketBroadcastCurrentUser { text : String; }
  @ws.broadcast.currentUser.include                 event wsBroadcastCurrentUserInclude { text : String; }
  @websocket.broadcast.currentUser.exclude          event websocketBroadcastCurrentUserExclude { text : String; }

  // --- roles -------------------------------------------------------------------------------------
  @ws.role: 'admin'                                 event wsRole                        { text : String; }
  @websocket.role.include: ['admin']                event websocketRoleInclude          { text : String; }
  @ws.broadcast.role: 'admin'                       event wsBroadcastRole               { text : String; }
  @websocket.broadcast.role.include: 'admin'        event websocketBroadcastRoleInclude { text : String; }
  @ws.role.exclude: 'admin'                         event wsRoleExclude                 { text : String; }
  @websocket.broadcast.role.exclude: ['admin']      event websocketBroadcastRoleExclude { text : String; }

  // --- contexts ----------------------------------------------------------------------------------
  @ws.context: 'c1'                                 event wsContextStatic               { text : String; }
  @websocket.context.include: ['c2']                event websocketContextInclude       { text : String; }
  @ws.broadcast.context: 'c2'                       event wsBroadcastContext            { text : String; }
  @websocket.broadcast.context.include: 'c1'        event websocketBroadcastContextInclude { text : String; }
  @ws.context.exclude: 'c1'                         event wsContextExclude              { text : String; }
  @websocket.broadcast.context.exclude: ['c1', 'c2'] event websocketBroadcastContextExclude { text : String; }

  // --- identifiers -------------------------------------------------------------------------------
  @ws.identifier: 'a1'                              event wsIdentifier                  { text : String; }
  @websocket.identifier.include: ['a2', 'b']        event websocketIdentifierInclude    { text : String; }
  @ws.broadcast.identifier.include: 'b'             event wsBroadcastIdentifierInclude  { text : String; }
  @ws.identifier.exclude: 'a1'                      event wsIdentifierExclude           { text : String; }
  @websocket.broadcast.identifier.exclude: ['a1', 'a2'] event websocketBroadcastIdentifierExclude { text : String; }
  @ws.identifier: []                                event wsIdentifierEmpty             { text : String; }

  // --- element level -----------------------------------------------------------------------------
  event elementUsers              { @ws.user users : many String; }
  event elementUserExclude        { @websocket.broadcast.user.exclude user : String; }
  event elementCurrentUser        { @ws.currentUser flag : Boolean; }
  event elementCurrentUserExclude { @websocket.currentUser.exclude flag : Boolean; }
  event elementUserIncludeCurrent { @ws.user: 'includeCurrent' flag : Boolean; }
  event elementRole               { @ws.role role : String; }
  event elementRoleExclude        { @websocket.role.exclude role : String; }
  event elementContext            { @ws.context ID : String; text : String; }
  event elementContexts           { @websocket.broadcast.context IDs : many String; }
  event elementContextExclude     { @ws.context.exclude ID : String; }
  event elementContextIgnored     { @ws.context @ws.ignore ID : String; text : String; }
  event elementContextIgnored2    { @websocket.context @websocket.ignore ID : String; }
  event elementIdentifier         { @ws.broadcast.identifier.include id : String; }
  event elementIdentifierExclude  { @websocket.identifier.exclude ids : many String; }

  // --- aggregation and operators -----------------------------------------------------------------
  @ws.user: 'bob'                                   event aggregated                    { @ws.user who : String; }
  @ws.operator.include: 'and' @ws.user: 'alice' @ws.context: 'c1'
                                                    event andInclude                    { text : String; }
  @ws.user: 'alice' @ws.context: 'c1'               event orInclude                     { text : String; }
  @websocket.operator.exclude: 'and' @ws.user.exclude: 'bob' @ws.context.exclude: 'c2'
                                                    event andExclude                    { text : String; }
  @ws.operator.exclude: 'or' @ws.user.exclude: 'bob' @ws.context.exclude: 'c2'
                                                    event orExclude                     { text : String; }
}
