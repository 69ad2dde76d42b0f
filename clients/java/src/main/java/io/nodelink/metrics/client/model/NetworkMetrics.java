package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** One network interface of a {@link MetricsSnapshot}: rates and error counters. */
public record NetworkMetrics(
    @JsonbProperty("interface") String interfaceName,
    @JsonbProperty("bytes_sent_per_sec") long bytesSentPerSec,
    @JsonbProperty("bytes_recv_per_sec") long bytesRecvPerSec,
    @JsonbProperty("packets_sent_per_sec") long packetsSentPerSec,
    @JsonbProperty("packets_recv_per_sec") long packetsRecvPerSec,
    @JsonbProperty("errors_in") long errorsIn,
    @JsonbProperty("errors_out") long errorsOut,
    @JsonbProperty("drops_in") long dropsIn,
    @JsonbProperty("drops_out") long dropsOut) {}
