package org.cdswebsocket.ws.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubprotocolNegotiationTest {

  @Test
  void claimedProtocolWinsOverTheFirstOffered() {
    assertThat(Handshake.negotiate(List.of("v10.pcp.sap.com"), List.of("other", "v10.pcp.sap.com")))
        .isEqualTo("v10.pcp.sap.com");
  }

  @Test
  void otherwiseTheFirstOfferedIsEchoedAsNodeDoes() {
    assertThat(Handshake.negotiate(List.of(), List.of("first", "second"))).isEqualTo("first");
    assertThat(Handshake.negotiate(List.of("v10.pcp.sap.com"), List.of("x"))).isEqualTo("x");
  }

  @Test
  void noOfferMeansNoProtocol() {
    assertThat(Handshake.negotiate(List.of("v10.pcp.sap.com"), List.of())).isEmpty();
    assertThat(Handshake.negotiate(List.of(), null)).isEmpty();
  }
}
