package io.jmsaws.readme;

import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java programs of README.md's "Quick start", taken from the file as they stand (so the README
 * cannot drift from what works), compiled against the provider and run: a newcomer pastes them and
 * they work.
 */
class ReadmeQuickStartTest {
    private static final Path README = Paths.get("../README.md");

    /** The ```java blocks between "## Quick start" and the next "## " heading. */
    private static List<String> quickStartPrograms() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Quick start");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end);
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    @Test
    void theQuickStartProgramsCompileAndRunAsPasted() throws Exception {
        List<String> programs = quickStartPrograms();
        assertThat(programs).as("Java blocks in the Quick start").hasSize(2).allMatch(p -> p.contains("public static void main"));
        Path dir = Files.createTempDirectory("readme-quick-start");
        List<String> classes = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String program : programs) {
            Matcher name = Pattern.compile("public class (\\w+)").matcher(program);
            assertThat(name.find()).as("a public class in %s", program).isTrue();
            Path file = dir.resolve(name.group(1) + ".java");
            Files.writeString(file, program);
            classes.add(name.group(1));
            sources.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), "-d", dir.toString()));
        args.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = javac.run(null, null, errors, args.toArray(new String[0]));
        assertThat(result).as("javac: %s", errors.toString(StandardCharsets.UTF_8)).isZero();

        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            for (String c : classes) {
                Method main = loader.loadClass(c).getMethod("main", String[].class);
                main.invoke(null, (Object) new String[0]);
            }
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("received order #1", "price EUR/USD", "received order #2");
    }
}
