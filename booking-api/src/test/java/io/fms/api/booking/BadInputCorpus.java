package io.fms.api.booking;

import io.fms.api.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Requests to {@code POST /api/v1/bookings} that must each be refused with a 4xx problem: a hand-written corpus of
 * every kind of bad input, plus seeded random mutations of a valid body. Every case carries its own fresh
 * Idempotency-Key unless the key is what is wrong, so anything that slipped through would leave a trace in Redis.
 */
final class BadInputCorpus {

    /** One bad request, named for the report. */
    record Case(String name, byte[] request) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String PATH = "/api/v1/bookings";

    private final String openTrip;
    private final List<Case> cases = new ArrayList<>();

    /**
     * @param openTrip a trip on sale with 10 rows of ABCDEF: a valid request for it would be accepted, so every
     *     case for it must break something on its own
     */
    private BadInputCorpus(String openTrip) {
        this.openTrip = openTrip;
    }

    /**
     * @param closedTrip a trip that has departed: random mutations that happen to stay valid end at the door
     *     (409) instead of being queued, so the mutator needs no oracle of its own
     */
    static List<Case> all(UUID openTrip, UUID closedTrip, long seed) {
        BadInputCorpus corpus = new BadInputCorpus(openTrip.toString());
        corpus.malformedJson();
        corpus.wrongTypes();
        corpus.hugeNumbersAndDeepNesting();
        corpus.badPassengersAndSeats();
        corpus.badStrings();
        corpus.badBodiesOnTheWire();
        corpus.badContentTypes();
        corpus.badIdempotencyKeys();
        corpus.badHoldsAndWaitlists();
        corpus.badRequestLinesAndHeaders();
        corpus.randomMutations(closedTrip.toString(), seed, 120);
        return List.copyOf(corpus.cases);
    }

    String valid() {
        return valid(openTrip);
    }

    static String valid(String trip) {
        return """
                {"tripId": "%s", "passengers": [{"name": "Ada Lovelace"}, {"name": "Charles Babbage"}],
                 "seats": ["3A", "3B"], "contactEmail": "ada@example.com"}""".formatted(trip);
    }

    /** The valid body with one more top-level field. */
    private String withField(String field) {
        String valid = valid();
        return valid.substring(0, valid.lastIndexOf('}')) + ", " + field + "}";
    }

    private String withTrip(String body) {
        return body.replace("$TRIP", openTrip);
    }

    /** One case per value: the valid request with {@code original} replaced by it, named by {@code label} and it. */
    private void inPlaceOf(String original, String label, List<String> values) {
        for (String value : values) {
            json(label + abbreviate(value), valid().replace(original, value));
        }
    }

    private void json(String name, String body) {
        add(name, jsonHeaders(), body.getBytes(StandardCharsets.UTF_8));
    }

    private void add(String name, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Length", String.valueOf(body.length));
        all.put("Connection", "close");
        cases.add(new Case(name, RawHttp.request("POST " + PATH + " HTTP/1.1", all, body)));
    }

    private static Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost");
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", "fuzz-" + UUID.randomUUID());
        return headers;
    }

    private void malformedJson() {
        for (String body : List.of(
                "",
                " ",
                "{",
                "}",
                "[]",
                "null",
                "\"\"",
                "42",
                "{}",
                "{\"tripId\"}",
                "{\"tripId\": }",
                "{'tripId': '$TRIP'}",
                "{tripId: \"$TRIP\"}",
                "{\"tripId\": \"$TRIP\",}",
                "{\"tripId\": \"$TRIP\" \"passengers\": []}",
                "{\"tripId\": \"$TRIP\", /* comment */ \"passengers\": [{\"name\": \"A\"}]}",
                "{\"tripId\": \"$TRIP\", \"passengers\": [{\"name\": \"A\"}]} // comment",
                "{\"tripId\": \"$TRIP\", \"passengers\": [{\"name\": NaN}]}",
                "{\"tripId\": \"$TRIP\", \"passengers\": [{\"name\": \"A\"}]}}",
                "{\"tripId\": \"$TRIP\", \"passengers\": [{\"name\": \"A\"}]} x",
                "{\"tripId\": \"$TRIP\", \"passengers\": [{\"name\": \"A\"}]} {}",
                "{\"tripId\": \"$TRIP\", \"passengers\": [{\"name\": \"A\"},]}",
                "{\"tripId\": \"$TRIP\", \"passengers\": [{\"name\": \"A\\x41\"}]}",
                "{\"tripId\": \"$TRIP\", \"passengers\": [{\"name\": \"A\\u00\"}]}")) {
            json("malformed: " + body, withTrip(body));
        }
        String valid = valid();
        for (int length = 0; length < valid.length(); length += 7) {
            json("truncated at " + length, valid.substring(0, length));
        }
        // Duplicate keys: which one wins is parser-specific, so neither may.
        json(
                "duplicate tripId",
                valid().replace("{\"tripId\"", "{\"tripId\": \"" + UUID.randomUUID() + "\", \"tripId\""));
        json("duplicate passengers", valid().replace("\"seats\"", "\"passengers\": [{\"name\": \"Eve\"}], \"seats\""));
        json(
                "duplicate name",
                valid().replace("{\"name\": \"Ada Lovelace\"}", "{\"name\": \"Ada\", \"name\": \"Eve\"}"));
        json(
                "duplicate seats key",
                valid().replace("\"contactEmail\"", "\"seats\": [\"4A\", \"4B\"], \"contactEmail\""));
        // Raw control characters and invalid UTF-8 inside strings.
        json("raw newline in name", valid().replace("Ada Lovelace", "Ada\nLovelace"));
        json("raw NUL in name", valid().replace("Ada Lovelace", "Ada\u0000Lovelace"));
        byte[] invalidUtf8 = valid().replace("Ada Lovelace", "Ada XX").getBytes(StandardCharsets.UTF_8);
        int at = valid().indexOf("Ada Lovelace") + 4;
        invalidUtf8[at] = (byte) 0xff;
        invalidUtf8[at + 1] = (byte) 0xc3;
        add("invalid UTF-8 in name", jsonHeaders(), invalidUtf8);
    }

    private void badHoldsAndWaitlists() {
        for (String hold : List.of(
                "29",
                "1801",
                "0",
                "-1",
                "2147483648",
                "1e3",
                "600.5",
                "\"600\"",
                "true",
                "null",
                "[600]",
                "{\"minutes\": 10}")) {
            json("hold seconds " + hold, withField("\"hold\": {\"seconds\": " + hold + "}"));
        }
        for (String hold : List.of("600", "\"600\"", "[]", "true", "{}")) {
            json("hold " + hold, withField("\"hold\": " + hold));
        }
        // The valid body names seats, which a waiting party may not.
        json("waitlist with seats", withField("\"waitlist\": true"));
        String withoutSeats = valid().replace("\"seats\": [\"3A\", \"3B\"], ", "");
        for (String waitlist : List.of("\"true\"", "1", "0", "\"yes\"", "[true]", "{}")) {
            json(
                    "waitlist " + waitlist,
                    withoutSeats.substring(0, withoutSeats.lastIndexOf('}')) + ", \"waitlist\": " + waitlist + "}");
        }
    }

    private void wrongTypes() {
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("tripId number", "\"tripId\": 42");
        replacements.put("tripId object", "\"tripId\": {\"id\": \"$TRIP\"}");
        replacements.put("tripId array", "\"tripId\": [\"$TRIP\"]");
        replacements.put("tripId boolean", "\"tripId\": true");
        replacements.put("tripId null", "\"tripId\": null");
        for (var entry : replacements.entrySet()) {
            json(
                    "wrong type: " + entry.getKey(),
                    valid().replace("\"tripId\": \"" + openTrip + "\"", withTrip(entry.getValue())));
        }
        String passengers = "\"passengers\": [{\"name\": \"Ada Lovelace\"}, {\"name\": \"Charles Babbage\"}]";
        for (String wrong : List.of(
                "\"passengers\": \"Ada Lovelace\"",
                "\"passengers\": {\"name\": \"Ada Lovelace\"}",
                "\"passengers\": 2",
                "\"passengers\": [\"Ada Lovelace\", \"Charles Babbage\"]",
                "\"passengers\": [[\"Ada Lovelace\"], [\"Charles Babbage\"]]",
                "\"passengers\": [{\"name\": 42}, {\"name\": \"Charles Babbage\"}]",
                "\"passengers\": [{\"name\": 4.2}, {\"name\": \"Charles Babbage\"}]",
                "\"passengers\": [{\"name\": true}, {\"name\": \"Charles Babbage\"}]",
                "\"passengers\": [{\"name\": [\"Ada\"]}, {\"name\": \"Charles Babbage\"}]",
                "\"passengers\": [{\"name\": {\"first\": \"Ada\"}}, {\"name\": \"Charles Babbage\"}]",
                "\"passengers\": [{\"name\": \"Ada\", \"age\": 36}, {\"name\": \"Charles Babbage\"}]")) {
            json("wrong type: " + wrong, valid().replace(passengers, wrong));
        }
        String seats = "\"seats\": [\"3A\", \"3B\"]";
        inPlaceOf(
                seats,
                "wrong type: ",
                List.of(
                        "\"seats\": \"3A\"",
                        "\"seats\": \"3A,3B\"",
                        "\"seats\": 3",
                        "\"seats\": [3, 4]",
                        "\"seats\": [true, false]",
                        "\"seats\": [[\"3A\"], [\"3B\"]]",
                        "\"seats\": [{\"seat\": \"3A\"}, {\"seat\": \"3B\"}]",
                        "\"seats\": {\"0\": \"3A\", \"1\": \"3B\"}",
                        "\"seats\": [\"3A\", null]"));
        inPlaceOf(
                "\"ada@example.com\"",
                "wrong type: contactEmail ",
                List.of("42", "true", "[\"ada@example.com\"]", "{\"to\": \"ada@example.com\"}"));
        for (String wrong : List.of("42", "[\"https://client.example.com/\"]", "{\"url\": \"x\"}")) {
            json("wrong type: callbackUrl " + wrong, withField("\"callbackUrl\": " + wrong));
        }
        json("unknown field seat", valid().replace("\"seats\"", "\"seat\""));
        json("unknown field at top", valid().replace("{\"tripId\"", "{\"admin\": true, \"tripId\""));
    }

    private void hugeNumbersAndDeepNesting() {
        for (String number : List.of(
                "1e999999",
                "-1e999999",
                "123456789012345678901234567890123456789",
                "9".repeat(5000),
                "0." + "0".repeat(3000) + "1",
                "-0",
                "1.5e308")) {
            json("huge number as tripId " + abbreviate(number), valid().replace("\"" + openTrip + "\"", number));
            json("huge number as name " + abbreviate(number), valid().replace("\"Ada Lovelace\"", number));
        }
        json("huge number in seats", valid().replace("\"3A\"", "1e999999"));
        for (int depth : List.of(100, 1000, 5000)) {
            json("nested arrays " + depth, "[".repeat(depth) + "]".repeat(depth));
            json("nested objects " + depth, "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            json("nested in name " + depth, valid().replace("\"Ada Lovelace\"", "[".repeat(depth) + "]".repeat(depth)));
            json(
                    "nested unknown field " + depth,
                    valid().replace(
                                    "{\"tripId\"",
                                    "{\"x\": " + "[".repeat(depth) + "]".repeat(depth) + ", \"tripId\""));
        }
        json("unterminated nesting", "[".repeat(8000));
    }

    private void badPassengersAndSeats() {
        json(
                "no passengers",
                valid().replace("[{\"name\": \"Ada Lovelace\"}, {\"name\": \"Charles Babbage\"}]", "[]")
                        .replace("[\"3A\", \"3B\"]", "[]"));
        json(
                "passengers null",
                valid().replace("[{\"name\": \"Ada Lovelace\"}, {\"name\": \"Charles Babbage\"}]", "null"));
        json(
                "passengers missing",
                valid().replace(
                                "\"passengers\": [{\"name\": \"Ada Lovelace\"}, {\"name\": \"Charles Babbage\"}],",
                                ""));
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : ", ").append("{\"name\": \"P").append(i).append("\"}");
        }
        json("10 passengers", withTrip("{\"tripId\": \"$TRIP\", \"passengers\": [" + ten + "]}"));
        json(
                "10 passengers 10 seats",
                withTrip("{\"tripId\": \"$TRIP\", \"passengers\": [" + ten
                        + "], \"seats\": [\"1A\",\"1B\",\"1C\",\"1D\",\"1E\",\"1F\",\"2A\",\"2B\",\"2C\",\"2D\"]}"));
        StringBuilder thousand = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            thousand.append(i == 0 ? "" : ",").append("{\"name\":\"P\"}");
        }
        json("1000 passengers", withTrip("{\"tripId\": \"$TRIP\", \"passengers\": [" + thousand + "]}"));
        inPlaceOf(
                "{\"name\": \"Ada Lovelace\"}",
                "passenger ",
                List.of("null", "{}", "{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"   \"}"));
        for (List<String> seats : List.of(
                List.of("3A", "3A"),
                List.of("3A", "3a"),
                List.of("-1A", "3B"),
                List.of("0A", "3B"),
                List.of("11A", "3B"),
                List.of("151A", "3B"),
                List.of("3G", "3B"),
                List.of("3Z", "3B"),
                List.of("A3", "3B"),
                List.of("", "3B"),
                List.of(" ", "3B"),
                List.of("3", "3B"),
                List.of("3AA", "3B"),
                List.of("03A", "3B"),
                List.of("3A "),
                List.of("3A", "3B", "3C"),
                List.of("99999999999999999999A", "3B"),
                List.of("1".repeat(1000) + "A", "3B"),
                List.of("3\u00c0", "3B"),
                List.of("\u0663A", "3B"))) {
            String list =
                    String.join(", ", seats.stream().map(s -> "\"" + s + "\"").toList());
            json("seats " + abbreviate(list), valid().replace("\"3A\", \"3B\"", list));
        }
    }

    private void badStrings() {
        inPlaceOf(
                "Ada Lovelace",
                "name ",
                List.of(
                        "Ada\\u0000Lovelace",
                        "Ada\\u0007",
                        "Ada\\nLovelace",
                        "Ada\\tLovelace",
                        "Ada\\u007f",
                        "Ada\\u0085",
                        "Ada\\u009b[31m",
                        "\\ud800",
                        "Ada \\udc00 Lovelace",
                        "Ada\\ud83d",
                        "\\uffff",
                        "A".repeat(101),
                        "\\u00e9".repeat(101),
                        "A".repeat(5000)));
        inPlaceOf(
                "ada@example.com",
                "email ",
                List.of(
                        "ada",
                        "ada@",
                        "@example.com",
                        "ada@example.com\\u0000",
                        "ada@example.com\\r\\nBcc: eve@example.com",
                        "ada@exam ple.com",
                        "a".repeat(250) + "@example.com",
                        "ada@" + "a".repeat(64) + ".com"));
        for (String url : List.of(
                "not a url",
                "ftp://client.example.com/",
                "file:///etc/passwd",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/hook",
                "http://127.0.0.1:3000/hook",
                "http://[::1]/hook",
                "http://2130706433/",
                "http://evil@10.0.0.1/",
                "http://" + io.fms.api.SharedApiContext.PRIVATE_NAME + "/hook",
                "https://client.example.com/\\u0000",
                "https://client.example.com/" + "a".repeat(3000))) {
            json("callbackUrl " + abbreviate(url), withField("\"callbackUrl\": \"" + url + "\""));
        }
        for (String trip : List.of(
                "", " ", "not-a-uuid", UUID.randomUUID().toString(), "$TRIP\\u0000", "{$TRIP}", "x".repeat(5000))) {
            json(
                    "tripId " + abbreviate(trip),
                    valid().replace("\"tripId\": \"" + openTrip + "\"", withTrip("\"tripId\": \"" + trip + "\"")));
        }
    }

    private void badBodiesOnTheWire() {
        String padded = valid().replace("Ada Lovelace", "Ada Lovelace" + " ".repeat(20_000));
        json("oversized body", padded);
        Map<String, String> chunked = jsonHeaders();
        chunked.put("Transfer-Encoding", "chunked");
        chunked.put("Content-Length", "");
        chunked.remove("Content-Length");
        byte[] big = padded.getBytes(StandardCharsets.UTF_8);
        String chunkedBody = Integer.toHexString(big.length) + "\r\n" + padded + "\r\n0\r\n\r\n";
        addRaw("oversized chunked body", chunked, chunkedBody.getBytes(StandardCharsets.UTF_8));
        Map<String, String> declaredHuge = jsonHeaders();
        declaredHuge.put("Content-Length", "99999999999");
        add("declared length far too large", declaredHuge, valid().getBytes(StandardCharsets.UTF_8));
        Map<String, String> shortLength = jsonHeaders();
        shortLength.put("Content-Length", "20");
        add("declared length shorter than the body", shortLength, valid().getBytes(StandardCharsets.UTF_8));
        for (String length : List.of("-1", "abc", "1e3", "0x20", "20, 20")) {
            Map<String, String> bad = jsonHeaders();
            bad.put("Content-Length", length);
            add("Content-Length " + length, bad, valid().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> noBody = jsonHeaders();
        noBody.put("Content-Length", "0");
        add("no body", noBody, new byte[0]);
    }

    private void addRaw(String name, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Connection", "close");
        cases.add(new Case(name, RawHttp.request("POST " + PATH + " HTTP/1.1", all, body)));
    }

    private void badContentTypes() {
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/merge-patch+json",
                "application/jsonx",
                "application/octet-stream",
                "*/*",
                "json",
                "application/",
                ";;;",
                "application/json; charset=nonsense")) {
            Map<String, String> headers = jsonHeaders();
            headers.put("Content-Type", type);
            add("content type " + type, headers, valid().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> none = jsonHeaders();
        none.remove("Content-Type");
        add("no content type", none, valid().getBytes(StandardCharsets.UTF_8));
    }

    private void badIdempotencyKeys() {
        for (String key : List.of(
                "",
                "k".repeat(201),
                "k".repeat(4000),
                "key\u0001",
                "key\u007f",
                "key\u0000x",
                "key\u00e9",
                "key\u00ff",
                "key\tx",
                "   ")) {
            Map<String, String> headers = jsonHeaders();
            headers.put("Idempotency-Key", key);
            add("Idempotency-Key " + abbreviate(printable(key)), headers, valid().getBytes(StandardCharsets.UTF_8));
        }
        byte[] utf8Key = RawHttp.request(
                "POST " + PATH + " HTTP/1.1",
                Map.of("Host", "localhost", "Content-Type", "application/json", "Connection", "close"),
                new byte[0]);
        String head = new String(utf8Key, StandardCharsets.ISO_8859_1);
        byte[] body = valid().getBytes(StandardCharsets.UTF_8);
        String withKeys = head.substring(0, head.length() - 2)
                + "Content-Length: " + body.length + "\r\n"
                + "Idempotency-Key: first-" + UUID.randomUUID() + "\r\n"
                + "Idempotency-Key: second-" + UUID.randomUUID() + "\r\n\r\n";
        cases.add(
                new Case("two Idempotency-Key headers", concat(withKeys.getBytes(StandardCharsets.ISO_8859_1), body)));
        String withUtf8Key =
                head.substring(0, head.length() - 2) + "Content-Length: " + body.length + "\r\nIdempotency-Key: ";
        cases.add(new Case(
                "Idempotency-Key in UTF-8",
                concat(
                        withUtf8Key.getBytes(StandardCharsets.ISO_8859_1),
                        "cl\u00e9-\u65e5\u672c".getBytes(StandardCharsets.UTF_8),
                        "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                        body)));
    }

    private void badRequestLinesAndHeaders() {
        byte[] body = valid().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = jsonHeaders();
        headers.put("Content-Length", String.valueOf(body.length));
        headers.put("Connection", "close");
        for (String line : List.of(
                "POST /api/v1/bookings?x=<script> HTTP/1.1",
                "POST /api/v1/bookings/%zz HTTP/1.1",
                "POST /api/v1/bookings/../bookings HTTP/1.1",
                "PUT /api/v1/bookings HTTP/1.1",
                "PATCH /api/v1/bookings HTTP/1.1",
                "POST /api/v1/bookings/" + UUID.randomUUID() + " HTTP/1.1")) {
            cases.add(new Case("request line " + line, RawHttp.request(line, headers, body)));
        }
        Map<String, String> longHeader = new LinkedHashMap<>(headers);
        longHeader.put("X-Padding", "p".repeat(20_000));
        cases.add(new Case(
                "header larger than the limit", RawHttp.request("POST " + PATH + " HTTP/1.1", longHeader, body)));
        Map<String, String> many = new LinkedHashMap<>(headers);
        for (int i = 0; i < 150; i++) {
            many.put("X-H" + i, "v");
        }
        cases.add(new Case("150 headers", RawHttp.request("POST " + PATH + " HTTP/1.1", many, body)));
    }

    /** Seeded: a failure names its case, and the same seed rebuilds it. */
    private void randomMutations(String closedTrip, long seed, int count) {
        Random random = new Random(seed);
        String base = valid(closedTrip);
        String alphabet = "{}[]\":,\\ 0123456789-+.eEtrufalsn\u0000\u001f\u00e9\ud83d\ude00";
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder(base);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations && !body.isEmpty(); m++) {
                int at = random.nextInt(body.length());
                switch (random.nextInt(5)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> body.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 3 -> {
                        int end = Math.min(body.length(), at + 1 + random.nextInt(20));
                        body.insert(at, body.substring(at, end));
                    }
                    default -> body.setLength(at);
                }
            }
            json("mutation " + i + " of seed " + seed, body.toString());
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "...(" + text.length() + " chars)";
    }
}
