package org.cdswebsocket.socketio.server;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * netty-socketio's JSON support with {@code null} members kept: the library drops them, the Node
 * plugin (JSON.stringify) keeps them, and results such as {@code {"note":null}} must arrive
 * unchanged in acknowledgements and polling-transport events.
 */
final class NullPreservingJsonSupport extends JacksonJsonSupport {

  @Override
  protected void init(ObjectMapper objectMapper) {
    super.init(objectMapper);
    objectMapper.setSerializationInclusion(Include.ALWAYS);
  }
}
