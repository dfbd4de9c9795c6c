using { cdswebsocket.todo as db } from '../db/schema';

/**
 * The todo list over websockets. Clients call `Todos:create|read|update|delete|list` and get the
 * result as acknowledgement; every other client of the tenant receives `Todos:created|updated|deleted`
 * with the whole row (`@ws.broadcast: 'data'`), so all open pages stay in sync.
 * Kind socket.io: namespace /ws/todo on the Socket.IO port.
 */
@protocol: 'websocket'
@path    : 'todo'
service TodoService {

  @ws.broadcast: 'data'
  entity Todos as projection on db.Todos;
}
