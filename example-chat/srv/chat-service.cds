/**
 * A chat over websockets: clients call `message`, every client of the tenant receives `received`.
 * Served at /ws/chat (kind ws) or as Socket.IO namespace /ws/chat (kind socket.io).
 */
@protocol: 'websocket'
@path    : 'chat'
service ChatService {

  /** Sends a chat message to everybody; returns the text as acknowledgement. */
  function message(text : String) returns String;

  /** Sends an announcement; only moderators may. */
  @requires: 'moderator'
  action announce(text : String) returns String;

  /** A chat message, broadcast to all clients. */
  event received {
    text : String;
    user : String;
  }

  /** Somebody joined or left. */
  event presence {
    user   : String;
    status : String;
  }

  /** Called by cds-websocket when a client connected. */
  action wsConnect();

  /** Called by cds-websocket when a client disconnected. */
  action wsDisconnect(reason : String);
}
