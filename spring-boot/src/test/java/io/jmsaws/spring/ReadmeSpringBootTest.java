package io.jmsaws.spring;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The program of README.md's "Spring Boot" section, taken from the file as it stands, compiled and run. */
class ReadmeSpringBootTest {

    @Test
    void theSpringBootProgramRunsAsPasted() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("\n## Spring Boot");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).as("a Java block in the Spring Boot section").isTrue();
        String program = block.group(1);
        Matcher pkg = Pattern.compile("package (\\w+);").matcher(program);
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(program);
        assertThat(pkg.find() && cls.find()).isTrue();
        Path dir = Files.createTempDirectory("readme-spring-boot");
        Path source = dir.resolve(pkg.group(1)).resolve(cls.group(1) + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, program);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = javac.run(null, null, errors, List.of("-cp", System.getProperty("java.class.path"), "-d", dir.toString(),
                "-parameters", source.toString()).toArray(new String[0]));
        assertThat(result).as("javac: %s", errors.toString(StandardCharsets.UTF_8)).isZero();
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass(pkg.group(1) + "." + cls.group(1)).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(out);
        }
        out.print(printed.toString(StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("received order #1");
    }
}
