package io.jmsaws.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering the README's "Architecture" section describes, checked on the sources: JMS
 * semantics above the Provider seam never see an SDK type, the SQS/SNS code never knows the
 * embedded backend, packages import each other without circles, every package says what it owns,
 * and no class grows past 400 lines.
 */
class LayeringTest {
    private static final Path SOURCES = Paths.get("src/main/java/io/jmsaws");
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.jmsaws\\.[a-z]+|software\\.amazon)\\b");
    /** Package (below io.jmsaws, "" for the root) → the packages it refers to. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();
    private static final Map<Path, Integer> LINES = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
                String text = Files.readString(f);
                LINES.put(f, (int) text.lines().count());
                Set<String> uses = USES.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", ""));
                while (m.find()) {
                    String used = m.group(1).equals("software.amazon") ? "software.amazon" : m.group(1).substring("io.jmsaws.".length());
                    if (!used.equals(pkg)) uses.add(used);
                }
            }
        }
    }

    @Test
    void theJmsLayerUsesOnlyTheSeamAndTheValuesBesideIt() {
        Set<String> allowed = Set.of("provider", "message", "destination", "selector", "config", "policy", "limits", "util", "telemetry");
        assertThat(USES.get("client")).as("what client/ refers to").isSubsetOf(allowed);
        for (String value : List.of("provider", "message", "destination", "selector", "config", "policy", "limits", "util", "telemetry",
                "telemetry.otel")) {
            assertThat(USES.getOrDefault(value, Set.of())).as("what %s/ refers to", value).doesNotContain("software.amazon", "aws", "wire", "embedded");
        }
    }

    @Test
    void theSqsCodeDoesNotKnowTheEmbeddedBackendAndTheEmbeddedBackendOnlyTheSdk() {
        assertThat(USES.get("aws")).doesNotContain("embedded", "client");
        assertThat(USES.get("wire")).doesNotContain("embedded", "client", "aws");
        assertThat(USES.get("embedded")).isSubsetOf("software.amazon", "limits", "util");
    }

    @Test
    void packagesImportEachOtherWithoutCircles() {
        List<String> circles = new ArrayList<>();
        for (String start : USES.keySet()) findCircle(start, start, new ArrayList<>(List.of(start)), circles);
        assertThat(circles).as("import circles among %s", USES).isEmpty();
    }

    private static void findCircle(String start, String at, List<String> path, List<String> circles) {
        for (String next : USES.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                circles.add(String.join(" → ", path) + " → " + start);
            } else if (!path.contains(next) && USES.containsKey(next) && next.compareTo(start) > 0) {
                path.add(next);
                findCircle(start, next, path, circles);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void everyPackageHasAPackageInfo() {
        for (String pkg : USES.keySet()) {
            assertThat(SOURCES.resolve(pkg.replace('.', '/')).resolve("package-info.java")).as("package-info of %s", pkg).exists();
        }
    }

    @Test
    void noClassIsLongerThan400Lines() {
        assertThat(LINES).as("lines per source file").allSatisfy((file, lines) -> assertThat(lines).as(file.toString()).isLessThanOrEqualTo(400));
    }
}
