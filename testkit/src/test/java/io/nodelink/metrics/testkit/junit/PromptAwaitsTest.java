package io.nodelink.metrics.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSessionListener;

class PromptAwaitsTest {

  @Test
  void theLauncherFindsItAsAService() {
    assertThat(ServiceLoader.load(LauncherSessionListener.class).stream())
        .anyMatch(provider -> provider.type() == PromptAwaits.class);
  }
}
