package it.support.tsdb;

/**
 * Loopback ports of the TSDBs. The scraping Prometheus takes {@code it.port.base + 10} (the
 * durable-store ITs use the first seven of the range's 20, the cluster IT the last nine). The
 * remote-write receivers are the build server's configured destinations (ear/pom.xml, {@code
 * it.remote-write.prometheus.port} and {@code it.remote-write.victoria.port}): the server must know
 * them when it starts.
 */
public final class TsdbPorts {

  private TsdbPorts() {}

  public static int scrapingPrometheus() {
    return Integer.getInteger("it.port.base", 18180) + 10;
  }

  public static int remoteWritePrometheus() {
    return Integer.getInteger("it.remote-write.prometheus.port", 18200);
  }

  public static int remoteWriteVictoria() {
    return Integer.getInteger("it.remote-write.victoria.port", 18201);
  }
}
