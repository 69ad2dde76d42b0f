package io.nodelink.metrics.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.agent.AgentCliAccess;
import io.nodelink.metrics.agent.collect.CollectorMode;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.collect.TrackRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  private Path file(String content) throws Exception {
    Path f = dir.resolve("agent.properties");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
    Path f =
        file("server=file:1\nagent.id=from-file\nagent.token=file-token\nkeepalive.seconds=45\n");
    Map<String, String> env =
        Map.of("NODELINK_AGENT_ID", "from-env", "NODELINK_SERVER", "env:2", "PATH", "/bin");
    Map<String, String> flags = Map.of("server", "flag:3");

    AgentConfig c = ConfigLoader.load(f, env, flags);

    assertThat(c.server()).isEqualTo("flag:3");
    assertThat(c.agentId()).isEqualTo("from-env");
    assertThat(c.agentToken()).isEqualTo("file-token");
    assertThat(c.keepaliveSeconds()).isEqualTo(45);
  }

  @Test
  void theBufferBoundsDefaultToTenMinutesAndComeFromEnvironmentAndFlags() throws Exception {
    AgentConfig defaults = ConfigLoader.load(file(""), Map.of(), Map.of());
    assertThat(defaults.bufferMaxSeconds()).isEqualTo(600);
    assertThat(defaults.bufferMaxBytes()).isEqualTo(16 << 20);

    AgentConfig c =
        ConfigLoader.load(
            file("buffer.max-seconds=60\n"),
            Map.of("NODELINK_BUFFER_MAX_BYTES", "4096"),
            Map.of("buffer.max-seconds", "0"));
    assertThat(c.bufferMaxSeconds()).isZero();
    assertThat(c.bufferMaxBytes()).isEqualTo(4096);
    assertThatThrownBy(() -> ConfigLoader.load(file("buffer.max-bytes=-1\n"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("buffer.max-bytes");
  }

  @Test
  void aTokenFileFromAHigherLayerBeatsATokenFromALowerOne() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "  secret-from-file\n");
    Path f = file("agent.token=in-properties\n");

    AgentConfig c = ConfigLoader.load(f, Map.of(), Map.of("agent.token-file", token.toString()));
    assertThat(c.agentToken()).isEqualTo("secret-from-file");

    c =
        ConfigLoader.load(
            f,
            Map.of("NODELINK_AGENT_TOKEN_FILE", token.toString()),
            Map.of("agent.token", "flag"));
    assertThat(c.agentToken()).isEqualTo("flag");
  }

  @Test
  void aMissingDefaultFileIsFineButAMissingExplicitOneIsAnError() {
    assertThat(ConfigLoader.readFile(null)).isNotNull();
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void trackedProcessRulesComeFromFileAndEnvironment() throws Exception {
    Path f =
        file(
            "track.web.name=nginx\ntrack.shop.cmdline=shop\\\\.jar\ntrack.db.pidfile=/run/pg.pid\n");
    AgentConfig c =
        ConfigLoader.load(f, Map.of("NODELINK_TRACK_CACHE_SERVER_NAME", "redis-server"), Map.of());
    assertThat(c.trackRules())
        .extracting(TrackRule::name)
        .containsExactly("cache-server", "db", "shop", "web");
    TrackRule shop = c.trackRules().get(2);
    assertThat(shop.matches("java", "java -jar /opt/shop.jar")).isTrue();
    assertThat(shop.matches("java", "java -jar /opt/shopXjar")).isFalse();
    assertThat(c.trackRules().get(1).pidFile()).isEqualTo(Path.of("/run/pg.pid"));
  }

  @Test
  void badValuesAreClearErrors() {
    assertThatThrownBy(() -> AgentConfig.from(Map.of("keepalive.seconds", "abc")))
        .hasMessageContaining("keepalive.seconds");
    assertThatThrownBy(() -> AgentConfig.from(Map.of("network.exclude", "(")))
        .hasMessageContaining("network.exclude");
    assertThatThrownBy(() -> AgentConfig.from(Map.of("track.x.bogus", "y")))
        .hasMessageContaining("track.x.bogus");
    assertThatThrownBy(() -> AgentConfig.from(Map.of("tls", "maybe"))).hasMessageContaining("tls");
  }

  @Test
  void theTokenNeverAppearsInTheLoggedDescription() {
    AgentConfig c = AgentConfig.from(Map.of("agent.token", "hunter2"));
    assertThat(c.toString()).doesNotContain("hunter2").contains("token=<set>");
  }

  @Test
  void nodeLinkGoStyleFlagsAndGenericOverridesWork() throws Exception {
    AgentConfig c =
        AgentCliAccess.resolve(
            Map.of("NODELINK_AGENT_ID", "env-id"),
            "-agent_id=agent1",
            "-agent_token",
            "token1",
            "-v=2",
            "-Dtrack.web.name=nginx",
            "--config",
            file("server=h:1\n").toString());
    assertThat(c.agentId()).isEqualTo("agent1");
    assertThat(c.agentToken()).isEqualTo("token1");
    assertThat(c.logLevel()).isEqualTo("FINEST");
    assertThat(c.server()).isEqualTo("h:1");
    assertThat(c.trackRules()).extracting(TrackRule::name).containsExactly("web");

    c = AgentCliAccess.resolve(Map.of(), "--agent-id", "a2", "--ca-file", "/tmp/ca.pem");
    assertThat(c.agentId()).isEqualTo("a2");
    assertThat(c.tls()).isTrue();
    assertThat(c.caFile()).isEqualTo(Path.of("/tmp/ca.pem"));
  }

  @Test
  void collectorsDefaultToAutoAndComeFromFileEnvironmentAndFlags() throws Exception {
    assertThat(ConfigLoader.load(file(""), Map.of(), Map.of()).collectors())
        .isEqualTo(CollectorMode.AUTO);
    assertThat(ConfigLoader.load(file("collectors=procfs\n"), Map.of(), Map.of()).collectors())
        .isEqualTo(CollectorMode.PROCFS);
    assertThat(
            ConfigLoader.load(
                    file("collectors=procfs\n"), Map.of("NODELINK_COLLECTORS", "OSHI"), Map.of())
                .collectors())
        .isEqualTo(CollectorMode.OSHI);
    assertThat(
            AgentCliAccess.resolve(
                    Map.of(), "--config", file("").toString(), "--collectors", "oshi")
                .collectors())
        .isEqualTo(CollectorMode.OSHI);
    assertThatThrownBy(() -> ConfigLoader.load(file("collectors=wmi\n"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("procfs, oshi or auto");
  }

  @Test
  void theDefaultConfigFileIsWhereEachPlatformKeepsMachineWideSettings() {
    assertThat(ConfigLoader.defaultFile(HostPlatform.LINUX, Map.of()))
        .isEqualTo(Path.of("/etc/nodelink/agent.properties"));
    assertThat(ConfigLoader.defaultFile(HostPlatform.MACOS, Map.of()))
        .isEqualTo(Path.of("/Library/Application Support/NodeLink/agent.properties"));
    assertThat(
            ConfigLoader.defaultFile(HostPlatform.WINDOWS, Map.of("ProgramData", "D:\\Data"))
                .toString())
        .startsWith("D:\\Data")
        .contains("NodeLink")
        .endsWith("agent.properties");
  }
}
