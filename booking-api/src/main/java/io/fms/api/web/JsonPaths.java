package io.fms.api.web;

import tools.jackson.core.JacksonException;

/** Names the field a JSON parse failure is about, in the same form validation uses: {@code passengers[0].name}. */
final class JsonPaths {

    private JsonPaths() {}

    static String of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
