package io.fms.api.web;

import java.util.List;

/** A request with invalid fields; every one of them is named, so that a client can fix them all at once. */
public class ValidationException extends ProblemException {

    private final List<FieldProblem> errors;

    public ValidationException(List<FieldProblem> errors) {
        super(ProblemKind.VALIDATION, describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    private static String describe(List<FieldProblem> errors) {
        return errors.size() == 1
                ? "Invalid field " + errors.getFirst().field() + ": "
                        + errors.getFirst().message()
                : errors.size() + " fields are invalid; see errors";
    }
}
