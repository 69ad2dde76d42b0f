package it.server.inserver;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import java.io.Serializable;
import java.util.List;

/**
 * Test-only EJB deployed with {@link CleanupTimerIT}: only an enterprise bean may look at the
 * module's timers, so it reports them as plain values.
 */
@Stateless
public class TimerProbe {

  /** What a timer looks like from outside. */
  public record TimerView(
      Serializable info, boolean persistent, boolean calendar, long remainingMillis) {}

  @Resource TimerService timers;

  /** Every timer of the beans in this module. */
  public List<TimerView> timers() {
    return timers.getAllTimers().stream()
        .map(
            (Timer t) ->
                new TimerView(
                    t.getInfo(), t.isPersistent(), t.isCalendarTimer(), t.getTimeRemaining()))
        .toList();
  }
}
