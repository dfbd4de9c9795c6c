package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * netty-socketio's pipeline with the adapter's two handlers added in front of the library's: {@link
 * HandshakeGuard} (HTTP checks) and {@link PacketGate} (packet validation and routing). Installed
 * with {@code SocketIOServer.setPipelineFactory}; the library itself is not modified.
 */
final class GatewayChannelInitializer extends SocketIOChannelInitializer {

  static final String GUARD = "cdsHandshakeGuard";
  static final String GATE = "cdsPacketGate";

  private final HandshakeGuard guard;
  private final PacketGate gate;
  private final int maxPayload;

  GatewayChannelInitializer(HandshakeGuard guard, PacketGate gate, int maxPayload) {
    this.guard = guard;
    this.gate = gate;
    this.maxPayload = maxPayload;
  }

  @Override
  protected void addSocketioHandlers(ChannelPipeline pipeline) {
    super.addSocketioHandlers(pipeline);
    pipeline.addAfter(
        HTTP_ENCODER, OpenPacketMaxPayload.NAME, new OpenPacketMaxPayload(maxPayload));
    pipeline.addBefore(PACKET_HANDLER, GUARD, guard);
    pipeline.addBefore(PACKET_HANDLER, GATE, gate);
  }
}
