package io.nodelink.metrics.server.alerts;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML text as the JSON model the rule parser takes, so a YAML rules file is validated by exactly
 * the code that validates the API's JSON. Only plain data is built (SafeConstructor: no Java types
 * from tags), and a document of more than a few MiB or with alias bombs is refused by the loader's
 * limits.
 */
final class YamlToJson {

  private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
  private static final int MAX_ALIASES = 50;

  private YamlToJson() {}

  /**
   * @throws IllegalArgumentException if the text is not YAML or holds something JSON cannot say
   */
  static JsonValue parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setCodePointLimit(MAX_CODE_POINTS);
    Object document;
    try {
      document = new Yaml(new SafeConstructor(options)).load(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not valid YAML: " + firstLine(e.getMessage()), e);
    }
    return toJson(document, "");
  }

  private static JsonValue toJson(Object value, String where) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(at(where) + "keys must be strings: " + entry.getKey());
        }
        object.add(key, toJson(entry.getValue(), where.isEmpty() ? key : where + "." + key));
      }
      return object.build();
    }
    if (value instanceof List<?> list) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      for (int i = 0; i < list.size(); i++) {
        array.add(toJson(list.get(i), where + "[" + i + "]"));
      }
      return array.build();
    }
    if (value instanceof String string) {
      return Json.createValue(string);
    }
    if (value instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return Json.createValue(big);
    }
    if (value instanceof Double number) {
      if (number.isNaN() || number.isInfinite()) {
        throw new IllegalArgumentException(at(where) + "must be a finite number");
      }
      return Json.createValue(BigDecimal.valueOf(number));
    }
    // Timestamps, binary and sets: nothing a rule has, and no JSON form to give them.
    throw new IllegalArgumentException(
        at(where) + "unsupported YAML value of type " + value.getClass().getSimpleName());
  }

  private static String at(String where) {
    return where.isEmpty() ? "" : where + ": ";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
