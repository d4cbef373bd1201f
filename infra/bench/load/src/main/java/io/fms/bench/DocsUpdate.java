package io.fms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --update-docs}: the report replaces the scenario's block of {@code docs/performance.md} (between
 * {@code <!-- bench:SCENARIO:begin -->} and {@code <!-- bench:SCENARIO:end -->}, appended when missing) and the chart
 * goes to {@code docs/performance/SCENARIO.png}. Nothing else in the checkout is written by a bench run.
 */
final class DocsUpdate {

    private DocsUpdate() {}

    static Path write(Path root, String scenario, String markdown, Path chart) throws IOException {
        Path docs = root.resolve("docs/performance.md");
        Path images = root.resolve("docs/performance");
        Files.createDirectories(images);
        Path image = images.resolve(scenario + ".png");
        if (Files.isRegularFile(chart)) {
            Files.copy(chart, image, StandardCopyOption.REPLACE_EXISTING);
        }
        String begin = "<!-- bench:" + scenario + ":begin -->";
        String end = "<!-- bench:" + scenario + ":end -->";
        String block = begin + "\n" + markdown.replace("\n## ", "\n### ").replaceFirst("^## ", "### ") + "\n!["
                + scenario + "](performance/" + scenario + ".png)\n" + end;
        String text = Files.isRegularFile(docs) ? Files.readString(docs) : "# Performance\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + block + text.substring(to + end.length())
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + block + "\n";
        Files.writeString(docs, updated);
        return docs;
    }
}
