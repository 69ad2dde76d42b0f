package io.nodelink.metrics.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import org.junit.jupiter.api.Test;
import oshi.hardware.Sensors;

class CpuCollectorTest {
  private final FakeCentralProcessor cpu = new FakeCentralProcessor();
  private double temperature = Double.NaN;
  private final Sensors sensors =
      new Sensors() {
        @Override
        public double getCpuTemperature() {
          return temperature;
        }

        @Override
        public int[] getFanSpeeds() {
          return new int[0];
        }

        @Override
        public double getCpuVoltage() {
          return 0;
        }
      };
  private final CpuCollector collector = new CpuCollector(cpu, sensors);

  private CpuMetrics collect() throws Exception {
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    collector.collect(out);
    return out.getCpu();
  }

  @Test
  void sharesComeFromTheTickDeltasOfTheIntervalNotSinceBoot() throws Exception {
    // Since boot the machine was almost idle ...
    cpu.ticks(1000, 0, 1000, 98_000, 0, 0, 0, 0)
        .cores(new long[] {500, 0, 500, 49_000, 0, 0, 0, 0});
    collector.prime();
    // ... but during the interval: 60 user + 10 nice, 20 system + 5 irq + 5 softirq, 0 idle.
    cpu.ticks(1060, 10, 1020, 98_000, 0, 5, 5, 0)
        .cores(new long[] {560, 10, 530, 49_000, 0, 0, 0, 0});

    CpuMetrics m = collect();

    assertThat(m.getUsagePercent()).isCloseTo(100, within(1e-9));
    assertThat(m.getUserPercent()).isCloseTo(70, within(1e-9));
    assertThat(m.getSystemPercent()).isCloseTo(30, within(1e-9));
    assertThat(m.getIdlePercent()).isZero();
    assertThat(m.getCoreUsageList()).containsExactly(100.0);
  }

  @Test
  void userSystemIdleAndIowaitSumToAHundred() throws Exception {
    cpu.ticks(0, 0, 0, 0, 0, 0, 0, 0).cores(new long[8], new long[8]);
    collector.prime();
    cpu.ticks(30, 0, 10, 50, 10, 0, 0, 0)
        .cores(new long[] {30, 0, 10, 0, 10, 0, 0, 0}, new long[] {0, 0, 0, 50, 0, 0, 0, 0});

    CpuMetrics m = collect();

    assertThat(
            m.getUserPercent() + m.getSystemPercent() + m.getIdlePercent() + m.getIowaitPercent())
        .isCloseTo(100, within(1e-9));
    assertThat(m.getIowaitPercent()).isCloseTo(10, within(1e-9));
    assertThat(m.getUsagePercent()).isCloseTo(40, within(1e-9));
    assertThat(m.getCoreUsageList()).containsExactly(80.0, 0.0);
  }

  @Test
  void countersThatGoBackwardsGiveNoNegativeShares() throws Exception {
    cpu.ticks(500, 0, 500, 500, 0, 0, 0, 0).cores(new long[] {500, 0, 500, 500, 0, 0, 0, 0});
    collector.prime();
    cpu.ticks(100, 0, 100, 600, 0, 0, 0, 0).cores(new long[] {100, 0, 100, 600, 0, 0, 0, 0});

    CpuMetrics m = collect();

    assertThat(m.getUserPercent()).isZero();
    assertThat(m.getSystemPercent()).isZero();
    assertThat(m.getIdlePercent()).isEqualTo(100);
    assertThat(m.getUsagePercent()).isZero();
    assertThat(m.getCoreUsageList()).containsExactly(0.0);
  }

  @Test
  void eachSampleMeasuresOnlySinceThePreviousOne() throws Exception {
    cpu.ticks(0, 0, 0, 0, 0, 0, 0, 0).cores(new long[8]);
    collector.prime();
    cpu.ticks(100, 0, 0, 0, 0, 0, 0, 0).cores(new long[] {100, 0, 0, 0, 0, 0, 0, 0});
    assertThat(collect().getUsagePercent()).isEqualTo(100);
    cpu.ticks(100, 0, 0, 100, 0, 0, 0, 0).cores(new long[] {100, 0, 0, 100, 0, 0, 0, 0});
    assertThat(collect().getUsagePercent()).isZero();
  }

  @Test
  void coresThatAppearReportZeroUntilTheyHaveAnInterval() throws Exception {
    cpu.ticks(0, 0, 0, 0, 0, 0, 0, 0).cores(new long[8]);
    collector.prime();
    cpu.ticks(10, 0, 0, 10, 0, 0, 0, 0).cores(new long[8], new long[8]);
    assertThat(collect().getCoreUsageList()).containsExactly(0.0, 0.0);
  }

  @Test
  void temperatureIsZeroWithoutSensorsAndTheReadingWithThem() throws Exception {
    cpu.ticks(new long[8]).cores(new long[8]);
    collector.prime();
    assertThat(collect().getTemperatureCelsius()).isZero();
    temperature = 54.5;
    assertThat(collect().getTemperatureCelsius()).isEqualTo(54.5);
  }
}
