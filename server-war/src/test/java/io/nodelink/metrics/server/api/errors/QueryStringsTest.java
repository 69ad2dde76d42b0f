package io.nodelink.metrics.server.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @NullSource
  @ValueSource(
      strings = {
        "",
        "max_points=100",
        "metrics=cpu.usage_percent%2Cmemory.usage_percent",
        "metrics=%E2%82%AC&agg=max",
        "a%20b=c%2fd",
        "flag",
        "x=100%25"
      })
  void wellFormedQueriesPass(String query) {
    assertThat(QueryStrings.malformedPercentEncoding(query)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_points=%%|query parameter 'max_points' has malformed percent-encoding",
        "end=%|query parameter 'end' has malformed percent-encoding",
        "interval=%zz|query parameter 'interval' has malformed percent-encoding",
        "start=1&metrics=%E0%A4%A|query parameter 'metrics' has malformed percent-encoding",
        "my%20name=%g1|query parameter 'my name' has malformed percent-encoding",
        "%=1|malformed percent-encoding in the query string",
        "ok=1&%zz|malformed percent-encoding in the query string"
      })
  void malformedQueriesAreNamed(String query, String message) {
    assertThat(QueryStrings.malformedPercentEncoding(query)).contains(message);
  }
}
