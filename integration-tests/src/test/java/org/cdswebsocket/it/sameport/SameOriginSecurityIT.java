package org.cdswebsocket.it.sameport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.corundumstudio.socketio.SocketIOServer;
import com.sap.cds.services.runtime.CdsRuntime;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on the same-port mode's security (issue 10): Engine.IO requests go through the app's
 * Spring Security / CAP chain; the handshake's user owns the session and is the user of every
 * namespace; a session id is no credential.
 */
@SocketIoKindTest
class SameOriginSecurityIT {

  private static final String POLLING = "EIO=4&transport=polling";

  @LocalServerPort int port;
  @Autowired CdsRuntime runtime;
  private EngineIoHttp eio;

  @BeforeEach
  void client() {
    eio = new EngineIoHttp(port);
  }

  private SocketIOServer server() {
    return runtime
        .getServiceCatalog()
        .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME)
        .nativeServer()
        .orElseThrow();
  }

  @Test
  void handshakesWithoutOrWithWrongCredentialsGet401AndNoSession() throws Exception {
    int before = server().getAllClients().size();

    assertThat(eio.get(null, POLLING).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong =
        eio.getWithAuthorization(
            "Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes(UTF_8)), POLLING);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(eio.upgradeStatus(null, "EIO=4&transport=websocket")).isEqualTo(401);

    assertThat(server().getAllClients()).hasSize(before);
  }

  @Test
  void scriptRequestsAreRefusedWithoutABrowserLoginChallenge() throws Exception {
    String wrong = "Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes(UTF_8));

    HttpResponse<String> script =
        eio.getWithHeaders(POLLING, "Authorization", wrong, "X-Requested-With", "XMLHttpRequest");
    HttpResponse<String> plain = eio.getWithHeaders(POLLING, "Authorization", wrong);

    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(plain.statusCode()).isEqualTo(401);
    assertThat(plain.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
  }

  @Test
  void anotherUserCannotUseALiveSessionOverPolling() throws Exception {
    String sid = eio.handshake("alice");
    String query = POLLING + "&sid=" + sid;

    assertThat(eio.get("bob", query).statusCode()).isEqualTo(403);
    assertThat(eio.post("bob", query, "40/ws/filter,").statusCode()).isEqualTo(403);
    // Spring Security challenges a request without credentials before the bridge sees it
    assertThat(eio.get(null, query).statusCode()).isIn(401, 403);
    assertThat(eio.post(null, query, "40/ws/filter,").statusCode()).isIn(401, 403);

    // the owner's session is untouched and joins as its owner
    assertThat(eio.post("alice", query, "40/ws/filter,").statusCode()).isEqualTo(200);
    String seen = eio.pollUntil("alice", sid, "\"welcome\"");
    assertThat(seen).contains("42/ws/filter,[\"welcome\",{\"user\":\"alice\"}]");
  }

  @Test
  void anotherUserCannotUpgradeALiveSessionToWebsocket() throws Exception {
    String sid = eio.handshake("alice");
    String query = "EIO=4&transport=websocket&sid=" + sid;

    assertThat(eio.upgradeStatus("bob", query)).isEqualTo(403);
    assertThat(eio.upgradeStatus(null, query)).isIn(401, 403);
  }

  @Test
  void everyNamespaceIsJoinedAsTheHandshakeUserWhateverTheAuthPayloadClaims() throws Exception {
    String sid = eio.handshake("alice");
    String forged =
        "40/ws/filter,{\"authorization\":\"" + EngineIoHttp.basic("dave") + "\",\"ticket\":\"x\"}";

    assertThat(eio.post("alice", POLLING + "&sid=" + sid, forged).statusCode()).isEqualTo(200);

    assertThat(eio.pollUntil("alice", sid, "\"welcome\""))
        .contains("[\"welcome\",{\"user\":\"alice\"}]")
        .doesNotContain("dave");
  }

  @Test
  void unknownAndMalformedSessionIdsGet400() throws Exception {
    assertThat(eio.get("alice", POLLING + "&sid=00000000-0000-0000-0000-000000000000").statusCode())
        .isEqualTo(400);
    assertThat(eio.get("alice", POLLING + "&sid=not-a-sid").statusCode()).isEqualTo(400);
  }
}
