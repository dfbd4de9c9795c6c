using { cdswebsocket.it as db } from '../db/schema';

/** The integration test service: operations, events and entities over websockets. */
@protocol: 'websocket'
@path    : 'main'
service MainService {

  function echo(text : String) returns String;
  action   sum(a : Integer, b : Integer) returns Integer;
  action   fail(message : String) returns String;
  action   trigger(text : String);

  @requires: 'admin'
  action   adminOnly() returns String;

  event customEvent {
    text : String;
  }
}
