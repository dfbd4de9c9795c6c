/** Service-level authorization for receiving (issue 12): only admins may connect. */
@protocol: 'websocket'
@path    : 'admins'
@requires: 'admin'
service AdminsService {
  action publish(text : String);
  event news { text : String; }
}

/** A service whose wsConnect refuses carol (403): her socket must be closed. */
@protocol: 'websocket'
@path    : 'guarded'
service GuardedService {
  action wsConnect();
  action publish(text : String);
  event news { text : String; }
}
