package io.nodelink.metrics.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The agent tokens file as last seen: its modification time and size, so a poll can tell a change
 * without reading it. A missing file has the version {@link #ABSENT}.
 */
record TokensFile(long modifiedMillis, long size) {

  static final TokensFile ABSENT = new TokensFile(-1, -1);

  /** The file's current version. */
  static TokensFile of(Path file) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new TokensFile(attributes.lastModifiedTime().toMillis(), attributes.size());
    } catch (NoSuchFileException e) {
      return ABSENT;
    }
  }

  boolean differsFrom(TokensFile other) {
    return !Objects.equals(this, other);
  }
}
