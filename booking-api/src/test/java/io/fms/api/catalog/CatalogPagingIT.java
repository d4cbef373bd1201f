package io.fms.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.api.web.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** List endpoints answer a page at a time and say where the next one is, never cutting a list short in silence. */
class CatalogPagingIT extends SharedApiContext {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void tripsPageByPageAreTheWholeSearchInOrderWithoutGapsOrRepeats() {
        String origin = randomAirport();
        String destination = randomAirport();
        String flightId = createFlight(origin, destination).get("id").asString();
        // Two departures at the same time: the order must still be total, or a page boundary could drop one.
        for (String departure : List.of(
                "2033-01-01T08:00:00Z",
                "2033-01-01T10:00:00Z",
                "2033-01-01T10:00:00Z",
                "2033-01-02T07:00:00Z",
                "2033-01-03T07:00:00Z")) {
            http.postAdmin("/api/v1/flights/" + flightId + "/trips", """
                    {"departureTime": "%s", "rows": 2, "columns": "AB"}""".formatted(departure))
                    .assertStatus(201);
        }
        String search = "/api/v1/trips?origin=" + origin + "&destination=" + destination;
        List<String> whole = ids(http.get(search).assertStatus(200));
        assertThat(whole).hasSize(5).doesNotHaveDuplicates();

        List<String> paged = new ArrayList<>();
        List<String> links = new ArrayList<>();
        String next = search + "&limit=2";
        while (next != null) {
            Http.Response page = http.get(next).assertStatus(200);
            List<String> items = ids(page);
            assertThat(items).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            paged.addAll(items);
            next = next(page);
            if (next != null) {
                links.add(next);
            }
        }

        assertThat(paged).isEqualTo(whole);
        assertThat(links)
                .containsExactly(
                        "/api/v1/trips?origin=" + origin + "&destination=" + destination + "&limit=2&offset=2",
                        "/api/v1/trips?origin=" + origin + "&destination=" + destination + "&limit=2&offset=4");
    }

    @Test
    void flightsPageByFlightNumber() {
        createFlight(randomAirport(), randomAirport());
        createFlight(randomAirport(), randomAirport());
        createFlight(randomAirport(), randomAirport());
        List<String> whole = flightNumbers(http.get("/api/v1/flights").assertStatus(200));
        assertThat(whole).hasSizeGreaterThanOrEqualTo(3).isSorted();

        Http.Response first = http.get("/api/v1/flights?limit=2").assertStatus(200);
        Http.Response second = http.get(next(first)).assertStatus(200);

        assertThat(flightNumbers(first)).isEqualTo(whole.subList(0, 2));
        assertThat(flightNumbers(second)).isEqualTo(whole.subList(2, Math.min(4, whole.size())));
        Http.Response last =
                http.get("/api/v1/flights?offset=" + (whole.size() - 1)).assertStatus(200);
        assertThat(flightNumbers(last)).containsExactly(whole.getLast());
        assertThat(last.header("Link")).isNull();
    }

    @Test
    void aPageOutOfBoundsIsAProblemNamingTheParameter() {
        assertThat(http.get("/api/v1/flights?limit=0").invalidFields()).containsExactly("limit");
        assertThat(http.get("/api/v1/flights?limit=501").invalidFields()).containsExactly("limit");
        assertThat(http.get("/api/v1/flights?limit=ten").invalidFields()).containsExactly("limit");
        assertThat(http.get("/api/v1/flights?offset=-1").invalidFields()).containsExactly("offset");
        assertThat(http.get("/api/v1/trips?offset=" + (Page.OFFSET_MAX + 1)).invalidFields())
                .containsExactly("offset");
        assertThat(http.get("/api/v1/trips?origin=L1&limit=0&offset=-1").invalidFields())
                .containsExactlyInAnyOrder("origin", "limit", "offset");

        // The bounds themselves are fine.
        http.get("/api/v1/flights?limit=500&offset=" + Page.OFFSET_MAX).assertStatus(200);
        http.get("/api/v1/trips?limit=1&offset=0").assertStatus(200);
    }

    private static String next(Http.Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        assertThat(next.matches()).as("Link %s", link).isTrue();
        return next.group(1);
    }

    private static List<String> ids(Http.Response page) {
        List<String> ids = new ArrayList<>();
        page.json().forEach(trip -> ids.add(trip.get("id").asString()));
        return ids;
    }

    private static List<String> flightNumbers(Http.Response page) {
        List<String> numbers = new ArrayList<>();
        for (JsonNode flight : page.json()) {
            numbers.add(flight.get("flightNumber").asString());
        }
        return numbers;
    }

    /** A route of its own, so that other tests' trips do not join this one's search. */
    private static String randomAirport() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26));
    }
}
