package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.agent.config.ConfigException;
import org.junit.jupiter.api.Test;

class ServerListTest {

  @Test
  void commasOrSemicolonsSeparateServersInOrder() {
    ServerList list = ServerList.parse(" a.example:9090, 10.0.0.2:9091;[::1]:9092 ,");
    assertThat(list.servers())
        .containsExactly(
            new ServerList.HostPort("a.example", 9090),
            new ServerList.HostPort("10.0.0.2", 9091),
            new ServerList.HostPort("::1", 9092));
    assertThat(list).hasToString("a.example:9090,10.0.0.2:9091,[::1]:9092");
  }

  @Test
  void onlyALineWithASeparatorIsAList() {
    assertThat(ServerList.isList("a:9090")).isFalse();
    assertThat(ServerList.isList("dns:///a:9090")).isFalse();
    assertThat(ServerList.isList("a:9090,b:9090")).isTrue();
    assertThat(ServerList.isList("a:9090;b:9090")).isTrue();
  }

  @Test
  void aBadEntryIsNamed() {
    assertThatThrownBy(() -> ServerList.parse("a:9090,b"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("server: \"b\" is not host:port");
    assertThatThrownBy(() -> ServerList.parse("a:9090,b:x")).hasMessageContaining("no port");
    assertThatThrownBy(() -> ServerList.parse("a:9090,b:70000")).hasMessageContaining("b:70000");
    assertThatThrownBy(() -> ServerList.parse("a:9090,::1:9090")).hasMessageContaining("brackets");
    assertThatThrownBy(() -> ServerList.parse(",;")).hasMessageContaining("no address");
  }
}
