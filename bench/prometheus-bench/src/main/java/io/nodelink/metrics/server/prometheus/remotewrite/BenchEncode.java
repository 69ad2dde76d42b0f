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

  private final WriteRequestEncoder encoder = new WriteRequestEncoder("nodelink");

  /**
   * The compressed body of one request holding {@code batch}, by one lane's encoder (it keeps each
   * series' encoded labels, as the server's lanes do).
   */
  public byte[] body(List<AgentSamples> batch) throws IOException {
    return Snappy.compress(encoder.encode(batch));
  }

  /** The same body built with the generated protobuf classes, as the server did before. */
  public static byte[] bodyByGeneratedClasses(List<AgentSamples> batch) throws IOException {
    return Snappy.compress(GeneratedClassesEncoder.encode(batch, "nodelink").toByteArray());
  }
}
