package io.nodelink.metrics.server.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * One file of the dashboard held in memory: its bytes, a gzip copy where that pays, its content
 * type and a strong entity tag derived from the content.
 *
 * @param bytes the file's content
 * @param gzipped the gzip-compressed content, if compressing was worth it
 * @param contentType the media type sent with it
 * @param etag the entity tag value (without quotes): a content hash, stable across restarts
 */
record StaticFile(byte[] bytes, Optional<byte[]> gzipped, String contentType, String etag) {

  /** Files smaller than this go out as they are: the gzip header would eat the gain. */
  private static final int GZIP_THRESHOLD = 1024;

  /** Builds the in-memory form of a file read from the WAR. */
  static StaticFile of(String name, byte[] bytes) {
    String contentType = ContentTypes.forName(name);
    Optional<byte[]> gzipped = Optional.empty();
    if (bytes.length >= GZIP_THRESHOLD && ContentTypes.isCompressible(contentType)) {
      byte[] compressed = gzip(bytes);
      if (compressed.length < bytes.length) {
        gzipped = Optional.of(compressed);
      }
    }
    return new StaticFile(bytes, gzipped, contentType, hash(bytes));
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compress in memory", e);
    }
    return out.toByteArray();
  }

  private static String hash(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "StaticFile[" + contentType + ", " + bytes.length + " bytes, etag " + etag + "]";
  }

  /** The bytes of a UTF-8 text, for tests and small generated files. */
  static StaticFile ofText(String name, String text) {
    return of(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
