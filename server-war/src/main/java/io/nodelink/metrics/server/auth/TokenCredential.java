package io.nodelink.metrics.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * One configured agent token as the server keeps it: the token itself, its SHA-256 ({@code
 * sha256:<64 hex>}), or PBKDF2-HMAC-SHA256 ({@code pbkdf2:<iterations>:<salt hex>:<hash hex>}), so
 * a tokens file need not hold the secrets. Every check compares in constant time.
 */
sealed interface TokenCredential {

  /** Whether {@code presented} (the token an agent sent, UTF-8) is this credential's token. */
  boolean matches(byte[] presented);

  /** Reads a configured value; {@code where} names the entry in errors (never the value). */
  static TokenCredential parse(String value, String where) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sha256:")) {
      return Sha256.parse(value.substring("sha256:".length()), where);
    }
    if (lower.startsWith("pbkdf2:")) {
      return Pbkdf2.parse(value.substring("pbkdf2:".length()), where);
    }
    return new Plain(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A token kept as given. */
  record Plain(byte[] token) implements TokenCredential {
    @Override
    public boolean matches(byte[] presented) {
      return MessageDigest.isEqual(token, presented);
    }
  }

  /** The SHA-256 of a token (high-entropy tokens need no slow hash). */
  record Sha256(byte[] digest) implements TokenCredential {

    static Sha256 parse(String hex, String where) {
      byte[] digest = hex(hex, where);
      if (digest.length != 32) {
        throw new IllegalArgumentException(where + ": a sha256 hash has 64 hex digits");
      }
      return new Sha256(digest);
    }

    @Override
    public boolean matches(byte[] presented) {
      try {
        return MessageDigest.isEqual(
            digest, MessageDigest.getInstance("SHA-256").digest(presented));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }
  }

  /** PBKDF2-HMAC-SHA256 of a token with its salt and iteration count. */
  record Pbkdf2(int iterations, byte[] salt, byte[] hash) implements TokenCredential {

    static Pbkdf2 parse(String rest, String where) {
      String[] parts = rest.split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            where + ": a pbkdf2 hash is pbkdf2:<iterations>:<salt hex>:<hash hex>");
      }
      int iterations;
      try {
        iterations = Integer.parseInt(parts[0].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + ": pbkdf2 iterations must be a number", e);
      }
      if (iterations < 1) {
        throw new IllegalArgumentException(where + ": pbkdf2 iterations must be positive");
      }
      byte[] hash = hex(parts[2], where);
      if (hash.length < 16) {
        throw new IllegalArgumentException(where + ": a pbkdf2 hash has at least 32 hex digits");
      }
      return new Pbkdf2(iterations, hex(parts[1], where), hash);
    }

    @Override
    public boolean matches(byte[] presented) {
      char[] chars = new String(presented, StandardCharsets.UTF_8).toCharArray();
      PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, hash.length * 8);
      try {
        byte[] derived =
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return MessageDigest.isEqual(hash, derived);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
      } finally {
        spec.clearPassword();
      }
    }
  }

  private static byte[] hex(String text, String where) {
    try {
      return HexFormat.of().parseHex(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": the hash is not hexadecimal", e);
    }
  }
}
