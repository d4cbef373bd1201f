package io.fms.api.web;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request before answering, rather than stopping at the first. */
public final class Violations {

    private final List<FieldProblem> problems = new ArrayList<>();

    public Violations add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
