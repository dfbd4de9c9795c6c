package org.cdswebsocket.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenPacketMaxPayloadTest {

  private static final String OPEN =
      "0{\"sid\":\"s1\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200}";

  @Test
  void pollingOpenPacketGetsMaxPayloadAndTheRightContentLength() {
    EmbeddedChannel channel = new EmbeddedChannel(new OpenPacketMaxPayload(1_000_000));
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    ByteBuf body = Unpooled.copiedBuffer(OPEN + "\u001e40", StandardCharsets.UTF_8);
    HttpUtil.setContentLength(head, body.readableBytes());

    channel.writeOutbound(head, new DefaultHttpContent(body), LastHttpContent.EMPTY_LAST_CONTENT);

    HttpResponse sentHead = channel.readOutbound();
    HttpContent sentBody = channel.readOutbound();
    String text = sentBody.content().toString(StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo(
            "0{\"sid\":\"s1\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200"
                + ",\"maxPayload\":1000000}\u001e40");
    assertThat(sentHead.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
        .isEqualTo(sentBody.content().readableBytes());
    sentBody.release();
  }

  @Test
  void websocketOpenFrameGetsMaxPayloadAndLaterFramesPassUnchanged() {
    EmbeddedChannel channel = new EmbeddedChannel(new OpenPacketMaxPayload(42));

    channel.writeOutbound(new TextWebSocketFrame(OPEN), new TextWebSocketFrame("0{\"sid\":\"x\"}"));

    TextWebSocketFrame open = channel.readOutbound();
    TextWebSocketFrame later = channel.readOutbound();
    assertThat(open.text()).endsWith(",\"maxPayload\":42}");
    assertThat(later.text()).isEqualTo("0{\"sid\":\"x\"}");
    open.release();
    later.release();
  }

  @Test
  void otherResponsesPassUnchanged() {
    EmbeddedChannel channel = new EmbeddedChannel(new OpenPacketMaxPayload(42));
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);

    channel.writeOutbound(
        head,
        new DefaultHttpContent(Unpooled.copiedBuffer("ok", StandardCharsets.UTF_8)),
        LastHttpContent.EMPTY_LAST_CONTENT);

    assertThat((Object) channel.readOutbound()).isSameAs(head);
    HttpContent body = channel.readOutbound();
    assertThat(body.content().toString(StandardCharsets.UTF_8)).isEqualTo("ok");
    body.release();
  }
}
