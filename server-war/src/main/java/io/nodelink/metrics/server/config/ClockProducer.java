package io.nodelink.metrics.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The server's one clock: every bean that needs the time injects it, so tests can drive time with a
 * controllable clock instead of waiting for it.
 */
@ApplicationScoped
public class ClockProducer {

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
