package io.nodelink.metrics.server.prometheus.remotewrite;

import io.nodelink.metrics.server.prometheus.AgentSamples;
import java.io.IOException;
import java.util.List;
import org.xerial.snappy.Snappy;

/**
 * A remote-write request body as the server builds it ({@link WriteRequestEncoder}, then snappy as
 * {@link RemoteWriteClient} sends it), for the benchmarks. In the sender's package because the
 * encoder is package-private there.
 */
public final class BenchEncode {

  private BenchEncode() {}

  /** The compressed body of one request holding {@code batch}. */
  public static byte[] body(List<AgentSamples> batch) throws IOException {
    return Snappy.compress(WriteRequestEncoder.encode(batch, "nodelink"));
  }
}
