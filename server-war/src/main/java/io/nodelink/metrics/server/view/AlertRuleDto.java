package io.nodelink.metrics.server.view;

import java.util.List;
import java.util.Map;

/** One rule as the API shows it: the fields of the request, plus where it comes from. */
public record AlertRuleDto(
    String name,
    String type,
    String metric,
    String agg,
    int overSeconds,
    String op,
    double threshold,
    Double clearThreshold,
    int forSeconds,
    String severity,
    List<String> agents,
    Map<String, String> labels,
    String summary,
    String source,
    boolean readOnly) {}
