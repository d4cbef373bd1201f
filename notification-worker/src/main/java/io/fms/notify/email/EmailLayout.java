package io.fms.notify.email;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The shape every booking email shares: a greeting, an opening paragraph or two, a table of facts, a closing. The
 * text and HTML parts say the same; everything in the HTML part is escaped, since most of it came from a client
 * (names, seats, payment references): a passenger called {@code <script>} is a name, not markup.
 */
final class EmailLayout {

    record Line(String label, String value) {}

    private final String subject;
    private final List<String> opening = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<String> closing = new ArrayList<>();

    private EmailLayout(String subject) {
        this.subject = subject;
    }

    static EmailLayout subject(String subject) {
        return new EmailLayout(subject);
    }

    EmailLayout opening(String paragraph) {
        opening.add(paragraph);
        return this;
    }

    EmailLayout line(String label, String value) {
        lines.add(new Line(label, value));
        return this;
    }

    EmailLayout lines(List<Line> more) {
        lines.addAll(more);
        return this;
    }

    EmailLayout closing(String paragraph) {
        closing.add(paragraph);
        return this;
    }

    EmailContent build() {
        StringBuilder text = new StringBuilder("Hello,\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<p>Hello,</p>");
        for (String paragraph : opening) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        html.append("<table cellpadding=\"4\">");
        for (Line line : lines) {
            text.append(line.label()).append(": ").append(line.value()).append('\n');
            html.append("<tr><th align=\"left\">")
                    .append(escape(line.label()))
                    .append("</th><td>")
                    .append(escape(line.value()))
                    .append("</td></tr>");
        }
        text.append('\n');
        html.append("</table>");
        for (String paragraph : closing) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        text.append("FMS\n");
        html.append("<p>FMS</p></body></html>");
        return new EmailContent(subject, text.toString(), html.toString());
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
