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

    /** @param scenario the block's name: the scenario, with its database latency when it had one */
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
                : insertBeforeLimits(text, block);
        Files.writeString(docs, updated);
        return docs;
    }

    /** A new block goes at the end of the measured section (before "What limits FMS"), else at the end. */
    private static String insertBeforeLimits(String text, String block) {
        int limits = text.indexOf("\n## What limits FMS");
        return limits < 0
                ? text + (text.endsWith("\n") ? "\n" : "\n\n") + block + "\n"
                : text.substring(0, limits) + "\n" + block + "\n" + text.substring(limits);
    }
}
