package io.nodelink.metrics.server.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Reads {@link AlertSettings} once from MicroProfile Config. */
@ApplicationScoped
public class AlertSettingsProducer {

  @Inject Config config;

  private volatile AlertSettings settings;

  /** For CDI: reads the configuration at first use. */
  public AlertSettingsProducer() {}

  /** Fixed settings (tests). */
  public AlertSettingsProducer(AlertSettings settings) {
    this.settings = settings;
  }

  public AlertSettings settings() {
    AlertSettings s = settings;
    if (s == null) {
      s = AlertSettings.read(key -> config.getOptionalValue(key, String.class));
      settings = s;
    }
    return s;
  }
}
