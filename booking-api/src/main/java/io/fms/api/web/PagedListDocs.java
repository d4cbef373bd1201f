package io.fms.api.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the paging of every {@link PagedList} endpoint from the limits {@link Page} enforces: its
 * {@code limit} and {@code offset} parameters and the {@code Link} header of its answer.
 */
final class PagedListDocs implements OperationCustomizer {

    private final int limitMax;

    PagedListDocs(int limitMax) {
        this.limitMax = limitMax;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.hasMethodAnnotation(PagedList.class)) {
            return operation;
        }
        parameter(operation, handler, Page.LIMIT)
                .description(
                        "Items on the page, 1 to " + limitMax + " (fms.api.list-size-max); without it, " + limitMax)
                .example(50)
                .schema(new IntegerSchema()
                        .minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(limitMax))
                        ._default(limitMax));
        parameter(operation, handler, Page.OFFSET)
                .description("Items skipped before the page, 0 to " + Page.OFFSET_MAX + "; narrow the search to reach"
                        + " further")
                .example(0)
                .schema(new IntegerSchema()
                        .minimum(BigDecimal.ZERO)
                        .maximum(BigDecimal.valueOf(Page.OFFSET_MAX))
                        ._default(0));
        ApiResponse ok = operation.getResponses() == null
                ? null
                : operation.getResponses().get("200");
        if (ok == null) {
            throw new IllegalStateException(handler + " is a paged list without a documented 200");
        }
        ok.addHeaderObject(
                HttpHeaders.LINK,
                new Header()
                        .description("The next page, as <uri>; rel=\"next\" (RFC 8288), while more items follow;"
                                + " absent on the last page")
                        .schema(new StringSchema()
                                .example("<" + path(handler) + "?limit=50&offset=50>; rel=\"next\"")));
        return operation;
    }

    /** The handler's path, from its class's and its own mapping, for the example of its link. */
    private static String path(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        String prefix = type == null || type.path().length == 0 ? "" : type.path()[0];
        String own = method == null || method.path().length == 0 ? "" : method.path()[0];
        return prefix + own;
    }

    private static Parameter parameter(Operation operation, HandlerMethod handler, String name) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (name.equals(parameter.getName()) && "query".equals(parameter.getIn())) {
                    return parameter;
                }
            }
        }
        throw new IllegalStateException(handler + " is a paged list without a query parameter " + name);
    }
}
