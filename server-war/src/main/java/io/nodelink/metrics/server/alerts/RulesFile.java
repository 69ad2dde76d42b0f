package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.server.domain.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules file: JSON, or YAML when its name ends in {@code .yaml} or {@code .yml}; either a list
 * of rules or {@code {"rules": [...]}}, each rule as the API takes it. All or nothing: one bad rule
 * refuses the whole file (the previous rules stay), so a half-edited file never silently drops
 * alerts.
 */
final class RulesFile {

  private RulesFile() {}

  /** What a file looked like when read, to tell whether it changed. */
  record Stamp(long modifiedMillis, long size) {
    static final Stamp ABSENT = new Stamp(-1, -1);

    static Stamp of(Path file) {
      try {
        return new Stamp(Files.getLastModifiedTime(file).toMillis(), Files.size(file));
      } catch (IOException e) {
        return ABSENT;
      }
    }
  }

  /**
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the rule and field that is wrong
   */
  static List<AlertRule> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return isYaml(file) ? parseYaml(text) : parse(text);
  }

  static boolean isYaml(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** Parses JSON rules. */
  static List<AlertRule> parse(String text) {
    JsonValue root;
    try (var reader = Json.createReader(new StringReader(text))) {
      root = reader.readValue();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
    return rules(root);
  }

  /** Parses YAML rules: the same structure and fields as JSON. */
  static List<AlertRule> parseYaml(String text) {
    return rules(YamlToJson.parse(text));
  }

  private static List<AlertRule> rules(JsonValue root) {
    JsonArray array =
        switch (root.getValueType()) {
          case ARRAY -> root.asJsonArray();
          case OBJECT -> root.asJsonObject().getJsonArray("rules");
          default -> null;
        };
    if (array == null) {
      throw new IllegalArgumentException("expected an array of rules or {\"rules\": [...]}");
    }
    List<AlertRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("rule " + i + ": not an object");
      }
      try {
        AlertRule rule = RuleJson.parse(array.getJsonObject(i), AlertRule.SOURCE_FILE);
        if (!names.add(rule.name())) {
          throw new IllegalArgumentException("rule " + i + ": name " + rule.name() + " twice");
        }
        rules.add(rule);
      } catch (DomainException e) {
        throw new IllegalArgumentException("rule " + i + ": " + e.getMessage(), e);
      }
    }
    return rules;
  }
}
