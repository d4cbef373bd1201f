package io.fms.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class PageTest {

    @Test
    void absentParametersAreTheLargestPageFromTheStart() {
        Violations violations = new Violations();

        assertThat(Page.of(null, null, 500, violations)).isEqualTo(new Page(500, 0));
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void theBoundsAreInclusive() {
        Violations violations = new Violations();

        assertThat(Page.of(1, 0, 500, violations)).isEqualTo(new Page(1, 0));
        assertThat(Page.of(500, Page.OFFSET_MAX, 500, violations)).isEqualTo(new Page(500, Page.OFFSET_MAX));
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void valuesOutOfBoundsAreNamed() {
        for (int[] bad : new int[][] {{0, 0}, {501, 0}, {1, -1}, {1, Page.OFFSET_MAX + 1}, {-5, -5}}) {
            Violations violations = new Violations();
            Page.of(bad[0], bad[1], 500, violations);

            assertThat(violations.has(Page.LIMIT)).as("limit %d", bad[0]).isEqualTo(bad[0] < 1 || bad[0] > 500);
            assertThat(violations.has(Page.OFFSET))
                    .as("offset %d", bad[1])
                    .isEqualTo(bad[1] < 0 || bad[1] > Page.OFFSET_MAX);
            assertThat(violations.isEmpty()).isFalse();
        }
    }

    @Test
    void aFullPageWithTheExtraItemLinksToTheNextOneKeepingTheOtherParameters() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/trips");
        request.addParameter("origin", "LHR");
        request.addParameter("date", "2031-06-01");
        request.addParameter("limit", "2");
        request.addParameter("offset", "4");
        Page page = new Page(2, 4);

        ResponseEntity<List<String>> answer =
                page.fetched(List.of("a", "b", "c")).answer(request);

        assertThat(answer.getBody()).containsExactly("a", "b");
        assertThat(answer.getHeaders().getFirst("Link"))
                .isEqualTo("</api/v1/trips?origin=LHR&date=2031-06-01&limit=2&offset=6>; rel=\"next\"");
    }

    @Test
    void theLastPageHasNoLink() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/flights");
        Page page = new Page(2, 0);

        ResponseEntity<List<String>> full = page.fetched(List.of("a", "b")).answer(request);
        ResponseEntity<List<String>> short_ = page.fetched(List.of("a")).answer(request);

        assertThat(full.getBody()).containsExactly("a", "b");
        assertThat(full.getHeaders().containsHeader("Link")).isFalse();
        assertThat(short_.getBody()).containsExactly("a");
        assertThat(short_.getHeaders().containsHeader("Link")).isFalse();
    }

    @Test
    void parametersAreEncodedInTheLink() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/trips");
        request.addParameter("origin", "L H&R+\r\n");

        String link = new Page(1, 0)
                .fetched(List.of("a", "b"))
                .answer(request)
                .getHeaders()
                .getFirst("Link");

        assertThat(link).isEqualTo("</api/v1/trips?origin=L%20H%26R%2B%0D%0A&limit=1&offset=1>; rel=\"next\"");
    }

    @Test
    void moreItemsThanAPageCanReadAreAMistake() {
        assertThatThrownBy(() -> new Page(1, 0).fetched(List.of("a", "b", "c")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
