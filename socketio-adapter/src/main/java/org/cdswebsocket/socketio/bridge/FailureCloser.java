package org.cdswebsocket.socketio.bridge;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every {@link BridgeChannel}: an exception no handler dealt with closes the
 * channel, so that the servlet request behind it is answered instead of left hanging. Sharable.
 */
@Sharable
final class FailureCloser extends ChannelInboundHandlerAdapter {

  static final String NAME = "cdsFailureCloser";
  static final FailureCloser INSTANCE = new FailureCloser();
  private static final Logger LOG = LoggerFactory.getLogger(FailureCloser.class);

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.warn("Engine.IO request failed; closing its connection", cause);
    ctx.close();
  }
}
