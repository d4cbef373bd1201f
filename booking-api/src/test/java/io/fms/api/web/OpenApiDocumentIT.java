package io.fms.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.SharedApiContext;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.json} is the document the API serves, so that clients can be generated from the repository
 * without running it. Run with {@code -Dfms.openapi.write=true} to rewrite the file from the served document.
 */
class OpenApiDocumentIT extends SharedApiContext {

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        String served =
                OpenApiFile.canonical(http.get("/v3/api-docs").assertStatus(200).json());
        if (Boolean.getBoolean(OpenApiFile.WRITE_PROPERTY)) {
            Files.writeString(OpenApiFile.COMMITTED, served);
        }
        String committed = Files.exists(OpenApiFile.COMMITTED) ? Files.readString(OpenApiFile.COMMITTED) : "";

        assertThat(committed.equals(served))
                .withFailMessage(
                        "%s is not the document served at /v3/api-docs (%s). Regenerate it with:%n  %s",
                        OpenApiFile.COMMITTED.normalize(), firstDifference(committed, served), OpenApiFile.REGENERATE)
                .isTrue();
    }

    private static String firstDifference(String committed, String served) {
        if (committed.isEmpty()) {
            return "the file is missing or empty";
        }
        String[] was = committed.split("\n", -1);
        String[] is = served.split("\n", -1);
        for (int line = 0; line < Math.max(was.length, is.length); line++) {
            String a = line < was.length ? was[line] : "<end of file>";
            String b = line < is.length ? is[line] : "<end of document>";
            if (!a.equals(b)) {
                return "first difference at line " + (line + 1) + ": the file has " + a.strip() + ", the API serves "
                        + b.strip();
            }
        }
        return "they differ";
    }
}
