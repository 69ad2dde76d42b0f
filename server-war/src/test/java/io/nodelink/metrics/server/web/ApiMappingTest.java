package io.nodelink.metrics.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * web.xml maps the JAX-RS application to the API's own path prefixes only; a resource whose path
 * starts with a prefix not listed there would never be reached (the default servlet would answer
 * 404). Compares the first segment of every resource's class-level {@code @Path} with web.xml.
 */
class ApiMappingTest {

  private static final java.nio.file.Path WEB_XML = Paths.get("src/main/webapp/WEB-INF/web.xml");
  private static final String APPLICATION = "io.nodelink.metrics.server.api.NodeLinkApplication";

  @Test
  void everyResourcePathPrefixIsMappedToTheApplication() throws Exception {
    Set<String> prefixes = new TreeSet<>();
    for (Class<?> type : serverClasses()) {
      Path path = type.getAnnotation(Path.class);
      if (path != null) {
        prefixes.add("/" + path.value().replaceFirst("^/", "").split("/", 2)[0] + "/*");
      }
    }

    assertThat(prefixes).as("resource path prefixes").isNotEmpty();
    assertThat(mappedPatterns()).containsExactlyInAnyOrderElementsOf(prefixes);
  }

  /** The url-patterns of the servlet named after the JAX-RS application in web.xml. */
  private static List<String> mappedPatterns() throws IOException {
    String xml = Files.readString(WEB_XML);
    Matcher mapping =
        Pattern.compile(
                "<servlet-mapping>\\s*<servlet-name>"
                    + Pattern.quote(APPLICATION)
                    + "</servlet-name>(.*?)</servlet-mapping>",
                Pattern.DOTALL)
            .matcher(xml);
    assertThat(mapping.find()).as("servlet-mapping of " + APPLICATION).isTrue();
    return Pattern.compile("<url-pattern>(.*?)</url-pattern>")
        .matcher(mapping.group(1))
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  /** Every compiled class of the server, loaded without running its static initialisers. */
  private static List<Class<?>> serverClasses() throws IOException, URISyntaxException {
    java.nio.file.Path root =
        Paths.get(ApiMappingTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolveSibling("classes");
    ClassLoader loader = ApiMappingTest.class.getClassLoader();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
          .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .filter(name -> name.startsWith("io.nodelink.metrics.server."))
          .<Class<?>>map(name -> load(name, loader))
          .toList();
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
