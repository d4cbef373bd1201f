package io.fms.e2e;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads: what is left once functions, keywords, labels and literals are out. */
final class PromQlNames {

    private static final Set<String> NOT_METRICS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "count",
            "stddev",
            "stdvar",
            "topk",
            "bottomk",
            "quantile",
            "count_values",
            "group",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "rate",
            "irate",
            "increase",
            "delta",
            "idelta",
            "deriv",
            "predict_linear",
            "histogram_quantile",
            "min_over_time",
            "max_over_time",
            "avg_over_time",
            "sum_over_time",
            "count_over_time",
            "last_over_time",
            "abs",
            "absent",
            "absent_over_time",
            "ceil",
            "floor",
            "round",
            "clamp",
            "clamp_min",
            "clamp_max",
            "changes",
            "resets",
            "label_replace",
            "label_join",
            "scalar",
            "vector",
            "time",
            "timestamp",
            "sort",
            "sort_desc",
            "inf",
            "nan");

    // Label matchers, grouping clauses, strings, range selectors and Grafana's variables carry no metric names.
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern DURATIONS = Pattern.compile("\\boffset\\s+\\d+[smhdwy]");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQlNames() {}

    static Set<String> of(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = VARIABLES.matcher(rest).replaceAll(" ");
        rest = DURATIONS.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(rest);
        while (identifiers.find()) {
            String name = identifiers.group();
            if (!NOT_METRICS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }
}
