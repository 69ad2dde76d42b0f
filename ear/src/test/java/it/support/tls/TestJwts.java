package it.support.tls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An RSA key pair made by the test and JWTs (RS256) signed with it, as an identity provider would
 * issue them; the public key goes to the server as the PEM file its MicroProfile JWT reads. JDK
 * only: the token is three base64url parts and a signature over the first two.
 */
public final class TestJwts {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeyPair keys;

  private TestJwts(KeyPair keys) {
    this.keys = keys;
  }

  /** A fresh 2048-bit RSA key pair. */
  public static TestJwts generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TestJwts(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the public key as PEM ({@code BEGIN PUBLIC KEY}, X.509 SubjectPublicKeyInfo). */
  public void writePublicKey(Path file) {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A token for {@code user} in {@code groups} from {@code issuer}, valid until {@code expiry}. */
  public String sign(
      String issuer, String audience, String user, List<String> groups, Instant expiry) {
    long issuedAt = Math.min(Instant.now().getEpochSecond(), expiry.getEpochSecond() - 60);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("aud", audience);
    claims.put("sub", user);
    claims.put("upn", user);
    claims.put("groups", groups);
    claims.put("iat", issuedAt);
    claims.put("exp", expiry.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    String signingInput = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
    return signingInput + "." + URL.encodeToString(signature(signingInput));
  }

  private byte[] signature(String signingInput) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(Map<String, ?> json) {
    try {
      return URL.encodeToString(JSON.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
