package org.cdswebsocket.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cdswebsocket.observability.MicrometerMetrics;
import org.cdswebsocket.spi.WebSocketProperties;
import org.cdswebsocket.spi.WebSocketProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code cds.websocket.*} name the main code of core and the adapters mentions in a string (a
 * literal, a {@code @ConditionalOnProperty} name, a {@code ${...}} placeholder) is declared in
 * {@link WebSocketProperties}, and every declared property is read somewhere: through its constant
 * ({@code PORT.read(source)}) or by its name. So the configuration metadata, generated from the
 * declarations, describes what the code reads and nothing else.
 *
 * <p>Scans the source files (comments removed), because annotations and placeholders leave no trace
 * a class-file scan could find reliably.
 */
class PropertyUsageTest {

  /** The main sources of the modules that read settings, relative to core's directory. */
  static final List<Path> SOURCES =
      List.of(
          Path.of("src/main"),
          Path.of("../ws-adapter/src/main"),
          Path.of("../socketio-adapter/src/main"));

  /**
   * Names under {@code cds.websocket.} that are not properties: keys of request-context, session
   * and channel attributes. (Names with a capitalised segment, such as {@code
   * cds.websocket.WebSocketService}, are CAP service names and skipped by that rule.)
   */
  static final Set<String> NOT_PROPERTIES =
      Set.of(
          "cds.websocket.headers",
          "cds.websocket.eventId",
          "cds.websocket.emitter",
          "cds.websocket.user",
          "cds.websocket.identifier",
          "cds.websocket.corsOrigin");

  /** Meter names share the prefix; they are listed in {@link MicrometerMetrics#METERS}. */
  static final Set<String> METERS = MicrometerMetrics.METERS.keySet();

  static final Pattern NAME = Pattern.compile("cds\\.websocket\\.[A-Za-z0-9_.\\-\\[\\]]*");

  /** File → the string literals of its code. */
  static Map<String, List<String>> literals = new TreeMap<>();

  /** File → its code without comments. */
  static Map<String, String> code = new TreeMap<>();

  @BeforeAll
  static void scan() {
    for (Path root : SOURCES) {
      assertThat(root).as("source folder (tests run in core's directory)").isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> !f.endsWith(Path.of("WebSocketProperties.java")))
            .forEach(PropertyUsageTest::read);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(code).as("sources found").hasSizeGreaterThan(50);
  }

  @Test
  void everyNameTheCodeMentionsIsDeclared() {
    Set<String> declared = new TreeSet<>();
    WebSocketProperties.ALL.forEach(p -> declared.addAll(p.names()));
    Map<String, String> undeclared = new TreeMap<>();
    literals.forEach(
        (file, strings) ->
            mentioned(strings).stream()
                .filter(name -> !declared.contains(name))
                .filter(name -> !isGroupPrefix(name, declared))
                .forEach(name -> undeclared.put(name, file)));
    assertThat(undeclared)
        .as("names read in code but not declared in WebSocketProperties (name -> file)")
        .isEmpty();
  }

  @Test
  void everyDeclaredPropertyIsRead() throws IllegalAccessException {
    Set<String> mentioned = new TreeSet<>();
    literals.values().forEach(strings -> mentioned.addAll(mentioned(strings)));
    String allCode = String.join("\n", code.values());
    List<String> unread = new ArrayList<>();
    for (Field field : WebSocketProperties.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())
          || !(field.get(null) instanceof WebSocketProperty<?> property)) {
        continue;
      }
      boolean readByConstant =
          Pattern.compile("\\b" + field.getName() + "\\.read\\(").matcher(allCode).find();
      boolean readByName = property.names().stream().anyMatch(mentioned::contains);
      if (!readByConstant && !readByName) {
        unread.add(property.name());
      }
    }
    assertThat(unread).as("declared (and so described) but never read").isEmpty();
  }

  @Test
  void everyDeclaredConstantIsListedInAll() throws IllegalAccessException {
    for (Field field : WebSocketProperties.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.get(null) instanceof WebSocketProperty<?> property) {
        assertThat(WebSocketProperties.ALL).as(field.getName()).contains(property);
      }
    }
  }

  @Test
  void theScannerSeesLiteralsAnnotationsAndPlaceholdersButNotComments() {
    List<String> strings =
        literals(
            """
            // "cds.websocket.in-line-comment"
            /* "cds.websocket.in-block-comment" */
            @ConditionalOnProperty(name = "cds.websocket.a.enabled")
            @GetMapping(path = "${cds.websocket.b.path:/x}")
            String s = "say \\"cds.websocket.c\\" here"; char q = '"';
            String t = \"""
                cds.websocket.d
                \""";
            """);
    assertThat(mentioned(strings))
        .containsExactlyInAnyOrder(
            "cds.websocket.a.enabled",
            "cds.websocket.b.path",
            "cds.websocket.c",
            "cds.websocket.d");
  }

  /** A prefix such as {@code "cds.websocket.options."}, or a name that ends a sentence. */
  private static boolean isGroupPrefix(String name, Set<String> declared) {
    return name.endsWith(".")
        && (declared.contains(name.substring(0, name.length() - 1))
            || declared.stream().anyMatch(d -> d.startsWith(name)));
  }

  /** The property-like names in these strings, without CAP service names and attribute keys. */
  static Set<String> mentioned(List<String> strings) {
    Set<String> names = new TreeSet<>();
    for (String s : strings) {
      Matcher m = NAME.matcher(s);
      while (m.find()) {
        String name = m.group();
        String rest = name.substring("cds.websocket.".length());
        if (rest.isEmpty()
            || Character.isUpperCase(rest.charAt(0))
            || NOT_PROPERTIES.contains(name)
            || METERS.contains(name)) {
          continue;
        }
        names.add(name);
      }
    }
    return names;
  }

  private static void read(Path file) {
    try {
      String text = Files.readString(file);
      String name = file.toString();
      if (name.endsWith(".java")) {
        code.put(name, stripComments(text));
        literals.put(name, literals(text));
      } else {
        code.put(name, text);
        literals.put(name, List.of(text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The string literals and text blocks of Java source, comments skipped. */
  static List<String> literals(String source) {
    List<String> found = new ArrayList<>();
    walk(source, found, null);
    return found;
  }

  static String stripComments(String source) {
    StringBuilder out = new StringBuilder();
    walk(source, new ArrayList<>(), out);
    return out.toString();
  }

  /**
   * A small Java lexer: collects literals into {@code found}, code (no comments) into {@code out}.
   */
  private static void walk(String s, List<String> found, StringBuilder out) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end;
        found.add(s.substring(i + 3, end));
        append(out, s, i, Math.min(s.length(), end + 3));
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        if (c == '"') {
          found.add(s.substring(i + 1, Math.min(j, s.length())));
        }
        append(out, s, i, Math.min(s.length(), j + 1));
        i = j + 1;
      } else {
        if (out != null) {
          out.append(c);
        }
        i++;
      }
    }
  }

  private static void append(StringBuilder out, String s, int from, int to) {
    if (out != null) {
      out.append(s, from, to);
    }
  }
}
