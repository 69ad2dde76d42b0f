package io.nodelink.metrics.bench.history;

import java.util.Random;

/** How one kind of host metric moves from one second to the next. */
public enum SeriesKind {
  /** CPU-like percentage: a bounded random walk reported with one decimal. */
  PERCENT_ONE_DECIMAL {
    @Override
    double next(double previous, Random random) {
      double walked = clamp(previous + random.nextGaussian() * 2, 0, 100);
      return Math.round(walked * 10) / 10.0;
    }
  },
  /** The same walk at full double precision, as 100.0 * busy / total gives it (worst case). */
  PERCENT_FULL_PRECISION {
    @Override
    double next(double previous, Random random) {
      return clamp(previous + random.nextGaussian() * 2, 0, 100) * (1 + random.nextDouble() / 1e6);
    }
  },
  /** Swap use on a host without swap, temperature where no sensor exists. */
  ZERO {
    @Override
    double next(double previous, Random random) {
      return 0;
    }
  },
  /** Memory total. */
  CONSTANT {
    @Override
    double next(double previous, Random random) {
      return previous;
    }
  },
  /** Memory used/available bytes: moves by a few pages now and then. */
  BYTES_SLOW {
    @Override
    double next(double previous, Random random) {
      return random.nextInt(10) < 3 ? previous + 4096.0 * (random.nextInt(513) - 256) : previous;
    }
  },
  /** Load averages: a slow walk with two decimals. */
  LOAD_TWO_DECIMALS {
    @Override
    double next(double previous, Random random) {
      double walked = Math.max(0, previous + random.nextGaussian() * 0.03);
      return Math.round(walked * 100) / 100.0;
    }
  },
  /** Process counts: small integer steps. */
  COUNT {
    @Override
    double next(double previous, Random random) {
      int dice = random.nextInt(10);
      return dice == 0 ? previous + 1 : dice == 1 ? Math.max(0, previous - 1) : previous;
    }
  },
  /** Network bytes per second: busy, noisy integer rates. */
  RATE {
    @Override
    double next(double previous, Random random) {
      return Math.max(
          0, Math.round(previous * (0.8 + 0.4 * random.nextDouble()) + random.nextInt(2000)));
    }
  },
  /** Disk bytes per second: mostly idle, with bursts. */
  RATE_MOSTLY_ZERO {
    @Override
    double next(double previous, Random random) {
      return random.nextInt(10) < 8 ? 0 : 4096.0 * random.nextInt(2000);
    }
  };

  abstract double next(double previous, Random random);

  double start(Random random) {
    return switch (this) {
      case ZERO -> 0;
      case CONSTANT -> 17_179_869_184.0;
      case BYTES_SLOW -> 4096.0 * (1_000_000 + random.nextInt(1_000_000));
      case LOAD_TWO_DECIMALS -> Math.round(random.nextDouble() * 400) / 100.0;
      case COUNT -> 200 + random.nextInt(200);
      case RATE -> 100_000 + random.nextInt(1_000_000);
      default -> Math.round(random.nextDouble() * 1000) / 10.0;
    };
  }

  private static double clamp(double v, double low, double high) {
    return Math.max(low, Math.min(high, v));
  }
}
