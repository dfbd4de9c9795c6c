/**
 * The benchmark's service: one function that broadcasts its argument to every client.
 * The Java bench app and the Node reference (node-reference/) serve this same file.
 *   kind ws:        ws://host:<port>/ws/bench, frames {"event":"send","data":{"text":"..."}}
 *   kind socket.io: namespace /ws/bench, event "send" with {text}
 */
@protocol: 'websocket'
@path    : 'bench'
service BenchService {

  /** Emits `received` with the same text to all clients of the service; returns the text. */
  function send(text : String) returns String;

  /** The broadcast every client receives. */
  event received {
    text : String;
  }
}
