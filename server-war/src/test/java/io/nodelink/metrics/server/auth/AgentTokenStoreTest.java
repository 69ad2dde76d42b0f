package io.nodelink.metrics.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTokenStoreTest {

  @TempDir Path dir;

  private AgentTokenStore store(Path file) {
    AgentTokenStore store = new AgentTokenStore();
    Map<String, String> values =
        Map.of(
            ServerConfig.AUTH_TOKENS,
            "static1:static-token",
            ServerConfig.AUTH_TOKENS_FILE,
            file.toString());
    store.config = new ServerConfig(key -> Optional.ofNullable(values.get(key)));
    return store;
  }

  private static void write(Path file, String content, long secondsAgo) throws Exception {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
  }

  @Test
  void changedFileIsReloadedAndTheOldTokenStopsWorking() throws Exception {
    Path file = dir.resolve("tokens");
    write(file, "rot1:first-token\n", 60);
    AgentTokenStore store = store(file);
    store.loadInitial();
    assertThat(store.current().accepts("rot1", "first-token")).isTrue();

    write(file, "rot1:second-token\n", 0);
    store.reloadIfChanged(file);

    assertThat(store.current().accepts("rot1", "first-token")).isFalse();
    assertThat(store.current().accepts("rot1", "second-token")).isTrue();
    assertThat(store.current().accepts("static1", "static-token")).isTrue();
  }

  @Test
  void brokenFileKeepsTheTokensInForce() throws Exception {
    Path file = dir.resolve("tokens");
    write(file, "rot1:first-token\n", 60);
    AgentTokenStore store = store(file);
    store.loadInitial();

    write(file, "no colon on this line\n", 0);
    store.reloadIfChanged(file);

    assertThat(store.current().accepts("rot1", "first-token")).isTrue();
  }

  @Test
  void fileCreatedAfterStartIsPickedUp() throws Exception {
    Path file = dir.resolve("later");
    AgentTokenStore store = store(file);
    store.loadInitial();
    assertThat(store.current().accepts("late", "late-token")).isFalse();

    write(file, "late:late-token\n", 0);
    store.reloadIfChanged(file);

    assertThat(store.current().accepts("late", "late-token")).isTrue();
  }

  @Test
  void worldReadableFilesAreRecognised() throws Exception {
    Path file = dir.resolve("perm");
    Files.writeString(file, "a:b\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(FilePermissions.isWorldReadable(file)).isTrue();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(FilePermissions.isWorldReadable(file)).isFalse();
  }
}
