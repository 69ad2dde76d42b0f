package io.nodelink.metrics.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected shape of a JSON value: which fields an object must have and which JSON type each one
 * must be. Checking collects every deviation so one failure shows them all.
 */
public sealed interface Shape {

  /** A JSON integer (64-bit counters must be numbers, never strings). */
  Shape INTEGER = new Scalar("integer");

  /** Any JSON number. */
  Shape NUMBER = new Scalar("number");

  /** A JSON string. */
  Shape STRING = new Scalar("string");

  /** A JSON boolean. */
  Shape BOOLEAN = new Scalar("boolean");

  /** An object with exactly-named fields: name, shape, name, shape, ... */
  static Shape object(Object... namesAndShapes) {
    Map<String, Shape> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndShapes.length; i += 2) {
      fields.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
    }
    return new Obj(fields);
  }

  /** An array whose every element has {@code element}'s shape. */
  static Shape arrayOf(Shape element) {
    return new Arr(element);
  }

  /** Problems of {@code node} against this shape, each prefixed with its JSON path. */
  default List<String> problems(JsonNode node) {
    List<String> problems = new ArrayList<>();
    check(node, "$", problems);
    return problems;
  }

  /** Fails with every deviation if {@code node} does not have this shape. */
  default void assertMatches(JsonNode node, String what) {
    List<String> problems = problems(node);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          what + " does not match the contract:\n  " + String.join("\n  ", problems) + "\n" + node);
    }
  }

  void check(JsonNode node, String path, List<String> problems);

  /** The field names of an object shape, in contract order (fails for other shapes). */
  default Set<String> fieldNames() {
    return asObject().fields().keySet();
  }

  /** The shape of field {@code name} of an object shape. */
  default Shape field(String name) {
    Shape field = asObject().fields().get(name);
    if (field == null) {
      throw new IllegalArgumentException("no field " + name + " in " + this);
    }
    return field;
  }

  /** The element shape of an array shape. */
  default Shape element() {
    if (this instanceof Arr array) {
      return array.element();
    }
    throw new IllegalStateException("not an array shape: " + this);
  }

  private Obj asObject() {
    if (this instanceof Obj object) {
      return object;
    }
    throw new IllegalStateException("not an object shape: " + this);
  }

  /** A leaf value of one JSON type. */
  record Scalar(String type) implements Shape {
    @Override
    public void check(JsonNode node, String path, List<String> problems) {
      boolean ok =
          switch (type) {
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            case "string" -> node.isTextual();
            case "boolean" -> node.isBoolean();
            default -> false;
          };
      if (!ok) {
        problems.add(path + " should be a JSON " + type + " but is " + describe(node));
      }
    }
  }

  /** An object with named fields (extra fields are allowed: the contract may be extended). */
  record Obj(Map<String, Shape> fields) implements Shape {
    @Override
    public void check(JsonNode node, String path, List<String> problems) {
      if (!node.isObject()) {
        problems.add(path + " should be an object but is " + describe(node));
        return;
      }
      fields.forEach(
          (name, shape) -> {
            JsonNode field = node.get(name);
            if (field == null) {
              problems.add(path + "." + name + " is missing");
            } else {
              shape.check(field, path + "." + name, problems);
            }
          });
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.matches("[a-z][a-z0-9_]*")) {
          problems.add(path + "." + name + " is not a snake_case field name");
        }
      }
    }
  }

  /** An array of elements of one shape. */
  record Arr(Shape element) implements Shape {
    @Override
    public void check(JsonNode node, String path, List<String> problems) {
      if (!node.isArray()) {
        problems.add(path + " should be an array but is " + describe(node));
        return;
      }
      for (int i = 0; i < node.size(); i++) {
        element.check(node.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private static String describe(JsonNode node) {
    String text = node == null ? "absent" : node.getNodeType() + " " + node;
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }
}
