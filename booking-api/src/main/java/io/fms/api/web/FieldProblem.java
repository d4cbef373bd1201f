package io.fms.api.web;

/**
 * One invalid field of a request, as listed in a validation problem's {@code errors}.
 *
 * @param field the JSON path of the field ({@code passengers[1].name}), a query parameter or a header name
 */
public record FieldProblem(String field, String message) {}
