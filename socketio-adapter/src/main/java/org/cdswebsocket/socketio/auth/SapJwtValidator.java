package org.cdswebsocket.socketio.auth;

import com.sap.cloud.security.config.Environment;
import com.sap.cloud.security.config.Environments;
import com.sap.cloud.security.config.OAuth2ServiceConfiguration;
import com.sap.cloud.security.token.Token;
import com.sap.cloud.security.token.validation.CombiningValidator;
import com.sap.cloud.security.token.validation.ValidationResult;
import com.sap.cloud.security.token.validation.validators.JwtValidatorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JwtValidator} on SAP's {@code com.sap.cloud.security:java-security}: it validates tokens
 * against the bound identity service (IAS preferred, else XSUAA), fetching the issuer's keys as
 * needed.
 *
 * <p>Only loaded when java-security is on the class path (see {@link #createIfAvailable()}); the
 * adapter declares it as an optional dependency. Without an identity binding no token is accepted.
 * Not testable without an identity provider; the Basic and ticket paths are.
 */
public final class SapJwtValidator implements JwtValidator {

  private static final Logger LOG = LoggerFactory.getLogger(SapJwtValidator.class);
  private static final String MARKER =
      "com.sap.cloud.security.token.validation.validators.JwtValidatorBuilder";

  private final CombiningValidator<Token> validator;

  private SapJwtValidator(CombiningValidator<Token> validator) {
    this.validator = validator;
  }

  /**
   * A validator for the bound identity service, or {@code null} if java-security is missing or no
   * identity service is bound (bearer tokens are then refused).
   */
  public static JwtValidator createIfAvailable() {
    try {
      Class.forName(MARKER, false, SapJwtValidator.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.info("java-security is not on the class path; JWT bearer tokens are not accepted");
      return null;
    }
    return Factory.create();
  }

  @Override
  public String validate(String token) {
    try {
      ValidationResult result = validator.validate(Token.create(token));
      return result.isErroneous() ? result.getErrorDescription() : null;
    } catch (RuntimeException e) {
      return "token cannot be parsed: " + e.getMessage();
    }
  }

  /** Kept apart so that no java-security type is touched before the presence check. */
  private static final class Factory {

    static JwtValidator create() {
      try {
        Environment env = Environments.getCurrent();
        OAuth2ServiceConfiguration config = env.getIasConfiguration();
        if (config == null) {
          config = env.getXsuaaConfiguration();
        }
        if (config == null) {
          LOG.info("No IAS or XSUAA binding; JWT bearer tokens are not accepted");
          return null;
        }
        return new SapJwtValidator(JwtValidatorBuilder.getInstance(config).build());
      } catch (RuntimeException e) {
        LOG.warn("JWT validation cannot be set up; bearer tokens are not accepted", e);
        return null;
      }
    }
  }
}
