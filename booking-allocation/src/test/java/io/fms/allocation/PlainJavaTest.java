package io.fms.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The allocator is plain Java: it imports the JDK and itself, never a framework, a broker or a database, so that it
 * is tested like a library and runs the same wherever it is called from.
 */
class PlainJavaTest {

    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void theAllocatorImportsOnlyTheJdkAndItself() throws IOException {
        List<String> foreign;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            foreign = sources.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(PlainJavaTest::foreignImports)
                    .toList();
        }

        assertThat(foreign).isEmpty();
    }

    @Test
    void aFrameworkImportIsCaught() {
        assertThat(foreignImports("import java.util.List;\nimport org.springframework.stereotype.Component;\n"))
                .containsExactly("org.springframework.stereotype.Component");
    }

    private static Stream<String> foreignImports(Path source) {
        try {
            return foreignImports(Files.readString(source)).stream().map(name -> source.getFileName() + ": " + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> foreignImports(String source) {
        return IMPORT.matcher(source)
                .results()
                .map(match -> match.group(2))
                .filter(name -> !name.startsWith("java.") && !name.startsWith("io.fms.allocation."))
                .toList();
    }
}
