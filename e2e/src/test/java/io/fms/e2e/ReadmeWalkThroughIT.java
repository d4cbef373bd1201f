package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's walk-through, run as written with bash, curl and jq against the stack, twice in a row: a second run
 * on the same system must work as the first did (the flight is reused, a new trip and a new order are made).
 */
@ExtendWith(FmsStack.class)
class ReadmeWalkThroughIT {

    private static final String HEADING = "## Walk-through with curl";
    private static final Pattern FLIGHT_AND_TRIP = Pattern.compile("flight (\\S+), trip (\\S+)");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern BOOKING = Pattern.compile("\"bookingId\": \"(" + UUID_TEXT.pattern() + ")\"");
    private static final long RUN_TIMEOUT_S = 90;

    @Test
    void theWalkThroughRunsTwiceAsWritten(RunningFms fms) throws Exception {
        assumeTrue(
                onPath("bash") && onPath("curl") && onPath("jq"),
                "the walk-through needs bash, curl and jq on the PATH");
        String script = script(fms);

        String first = run(script);
        String second = run(script);

        Matcher one = FLIGHT_AND_TRIP.matcher(first);
        Matcher two = FLIGHT_AND_TRIP.matcher(second);
        assertThat(one.find()).as("first run:\n%s", first).isTrue();
        assertThat(two.find()).as("second run:\n%s", second).isTrue();
        assertThat(one.group(1)).matches(UUID_TEXT);
        assertThat(one.group(2)).matches(UUID_TEXT);
        assertThat(two.group(1)).as("FM101 is made once, then found").isEqualTo(one.group(1));
        assertThat(two.group(2)).matches(UUID_TEXT).isNotEqualTo(one.group(2));
        for (String output : List.of(first, second)) {
            Matcher booking = BOOKING.matcher(output);
            assertThat(booking.find()).as("the decided booking in:\n%s", output).isTrue();
            assertThat(output).contains("\"status\": \"CONFIRMED\"").contains("\"12A\"");
            assertThat(fms.client().booking(booking.group(1)).status())
                    .as("the walk-through's booking %s at its end", booking.group(1))
                    .isEqualTo("CANCELLED");
        }
    }

    /** The README's first bash block under the walk-through heading, pointed at this stack instead of the local one. */
    private static String script(RunningFms fms) throws IOException {
        String readme = Files.readString(FmsStack.repositoryRoot().resolve("README.md"));
        int heading = readme.indexOf("\n" + HEADING + "\n");
        assertThat(heading).as("README.md has a section %s", HEADING).isPositive();
        int start = readme.indexOf("```bash\n", heading) + "```bash\n".length();
        String block = readme.substring(start, readme.indexOf("\n```\n", start));
        assertThat(block).contains("KEY=$(cat .fms/admin-api-key)\n").contains("API=http://localhost:3000/api/v1\n");
        return block.replace("KEY=$(cat .fms/admin-api-key)\n", "KEY='" + fms.adminKey() + "'\n")
                .replace(
                        "API=http://localhost:3000/api/v1\n",
                        "API=" + fms.service(FmsStack.API).baseUri().resolve("/api/v1") + "\n");
    }

    private static String run(String script) throws Exception {
        Path file = Files.createTempFile("walk-through", ".sh");
        try {
            Files.writeString(file, "set -euo pipefail\n" + script + "\n");
            Process bash = new ProcessBuilder("bash", file.toString())
                    .redirectErrorStream(true)
                    .start();
            bash.getOutputStream().close();
            boolean ended = bash.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS);
            if (!ended) {
                bash.destroyForcibly();
            }
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ended)
                    .as("the walk-through ended within %d s:\n%s", RUN_TIMEOUT_S, output)
                    .isTrue();
            assertThat(bash.exitValue())
                    .as("the walk-through's exit status:\n%s", output)
                    .isZero();
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
