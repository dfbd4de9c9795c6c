// Display names of the bench servers (run.sh's SERVERS), shared by report.js and chart.js.
module.exports = {
  "java-ws": "Java cds-websocket, kind ws (Tomcat)",
  "java-sio": "Java cds-websocket, kind socket.io, standalone port (netty-socketio)",
  "java-sio-same": "Java cds-websocket, kind socket.io, app's port (Tomcat → netty-socketio)",
  "node-ws": "Node plugin, kind ws",
  "node-sio": "Node plugin, kind socket.io",
};
