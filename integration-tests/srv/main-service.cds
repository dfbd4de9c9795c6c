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

  /** Throws an Error (not an exception), as a broken dependency does (NoSuchMethodError). */
  action   crash() returns String;
  action   price(p : Decimal(10, 2)) returns Decimal(10, 2);
  action   ratio(r : Double) returns Double;
  action   total(values : many Integer) returns Integer;

  event customEvent {
    text : String;
  }
}
