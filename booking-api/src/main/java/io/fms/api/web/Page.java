package io.fms.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * One page of a list endpoint: at most {@code limit} items after the first {@code offset}. The answer is the plain
 * list, as before paging existed; when more items follow, a {@code Link: <...>; rel="next"} header (RFC 8288) names
 * the next page, so that a list is never cut short without saying so.
 *
 * @param limit items on the page, 1 to the endpoint's maximum
 * @param offset items skipped, 0 to {@link #OFFSET_MAX}
 */
public record Page(int limit, int offset) {

    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";

    /**
     * Deepest offset a client may ask for. The database walks past every skipped row, so an unbounded offset would
     * make one request as costly as reading the whole catalog; a narrower search (route, date) reaches the rest.
     */
    public static final int OFFSET_MAX = 100_000;

    /**
     * The page asked for, absent parameters at their defaults: the largest page, from the start. Out-of-range values
     * are added to {@code violations}, beside the request's other invalid fields, for the caller to throw.
     */
    public static Page of(Integer limit, Integer offset, int limitMax, Violations violations) {
        int size = limit == null ? limitMax : limit;
        int skip = offset == null ? 0 : offset;
        if (size < 1 || size > limitMax) {
            violations.add(LIMIT, "must be between 1 and " + limitMax);
        }
        if (skip < 0 || skip > OFFSET_MAX) {
            violations.add(OFFSET, "must be between 0 and " + OFFSET_MAX);
        }
        return new Page(size, skip);
    }

    /** The items read for a page: {@link #fetchSize()} of them at most. */
    public <T> Fetched<T> fetched(List<T> items) {
        return new Fetched<>(this, items);
    }

    /** Rows to read: one more than the page holds, which tells whether another page follows without counting. */
    public int fetchSize() {
        return limit + 1;
    }

    /** What was read for {@code page}: up to one item more than it holds. */
    public record Fetched<T>(Page page, List<T> items) {

        public Fetched {
            items = List.copyOf(items);
            if (items.size() > page.fetchSize()) {
                throw new IllegalArgumentException(items.size() + " items read for " + page);
            }
        }

        /**
         * The answer: the page's items, and the link to the next page when the extra item came back. The link
         * repeats the request's other parameters.
         */
        public ResponseEntity<List<T>> answer(HttpServletRequest request) {
            return page.answer(items, request);
        }
    }

    private <T> ResponseEntity<List<T>> answer(List<T> fetched, HttpServletRequest request) {
        if (fetched.size() <= limit) {
            return ResponseEntity.ok(fetched);
        }
        StringBuilder next = new StringBuilder(request.getRequestURI()).append('?');
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().equals(LIMIT) && !parameter.getKey().equals(OFFSET)) {
                for (String value : parameter.getValue()) {
                    // Strictly encoded: a value holding '&', '+' or a line break stays one value of this link.
                    next.append(encode(parameter.getKey()))
                            .append('=')
                            .append(encode(value))
                            .append('&');
                }
            }
        }
        next.append(LIMIT)
                .append('=')
                .append(limit)
                .append('&')
                .append(OFFSET)
                .append('=')
                .append(offset + limit);
        String link = "<" + next + ">; rel=\"next\"";
        return ResponseEntity.ok().header(HttpHeaders.LINK, link).body(new ArrayList<>(fetched.subList(0, limit)));
    }

    private static String encode(String text) {
        return UriUtils.encode(text, StandardCharsets.UTF_8);
    }
}
