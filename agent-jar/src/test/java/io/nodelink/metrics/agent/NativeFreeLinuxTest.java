package io.nodelink.metrics.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * On Linux the agent measures and describes the host without loading a native library of its own:
 * JNA (OSHI's JNA flavour) unpacks one into the user's cache directory and Netty's epoll transport
 * one into {@code /tmp}, both of which fail on hosts that mount them {@code noexec}, and each costs
 * resident memory the agent's budget does not have. The agent's own commands run in a child JVM
 * that logs every class it loads. (Netty's transport is the launchers' choice, {@code
 * transport.noNative}.)
 */
@EnabledOnOs(OS.LINUX)
class NativeFreeLinuxTest {

  @Test
  void aSnapshotLoadsNeitherJnaNorOshisJnaFlavour() throws Exception {
    String classes = loadedClasses("--once", "--config", "/dev/null");

    assertThat(classes).contains("oshi.nativefree.SystemInfo");
    assertThat(classes).doesNotContain("com.sun.jna.").doesNotContain("oshi.SystemInfo ");
  }

  @Test
  void systemInfoLoadsNeitherJnaNorOshisJnaFlavour() throws Exception {
    String classes = loadedClasses("--system-info", "--config", "/dev/null");

    assertThat(classes).contains("io.nodelink.metrics.pb.SystemInfoResponse");
    assertThat(classes).doesNotContain("com.sun.jna.").doesNotContain("oshi.SystemInfo ");
  }

  private static String loadedClasses(String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Xlog:class+load=info:stdout",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    Process agent =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(agent.exitValue()).as(out).isZero();
    return out;
  }
}
