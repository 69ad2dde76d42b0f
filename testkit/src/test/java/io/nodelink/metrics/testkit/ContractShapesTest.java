package io.nodelink.metrics.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.contract.ExactJson;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import org.junit.jupiter.api.Test;

class ContractShapesTest {

  @Test
  void nestedShapesExposeTheirFieldNames() {
    assertThat(ContractShapes.METRICS_SNAPSHOT.field("load").fieldNames())
        .containsExactly("load1", "load5", "load15");
    assertThat(ContractShapes.METRICS_SNAPSHOT.field("disks").element().fieldNames())
        .startsWith("device", "mount_point");
  }

  @Test
  void shapeCheckReportsEveryProblemWithItsPath() {
    var node = ExactJson.parse("{\"load1\": \"high\", \"load5\": 1}", "test");

    assertThat(ContractShapes.METRICS_SNAPSHOT.field("load").problems(node))
        .containsExactly(
            "$.load1 should be a JSON number but is STRING \"high\"", "$.load15 is missing");
  }

  @Test
  void exactJsonKeepsIntegersBeyondDoublePrecision() {
    long big = Snapshots.BEYOND_DOUBLE_PRECISION;

    assertThat(ExactJson.parse("{\"v\": " + big + "}", "test").path("v").asLong()).isEqualTo(big);
  }
}
