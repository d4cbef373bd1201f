package io.fms.api.web;

/** A failure that leaves the API as a problem of a known kind, with a detail that is safe to show the client. */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;

    /**
     * A refusal the client caused (a bad request, a sold-out trip): an expected answer, not a fault, so it carries no
     * stack trace; filling one in would cost a door refusal more than the rest of its answer.
     */
    public ProblemException(ProblemKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public ProblemException(ProblemKind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String detail() {
        return getMessage();
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemKind.NOT_FOUND, detail);
    }

    /** A dependency could not do its part; the client may retry the same request later. */
    public static ProblemException unavailable(String dependency, String detail, Throwable cause) {
        return new Unavailable(dependency, detail, cause);
    }

    /** 503: names the dependency so that the metric of 503s says which one failed. */
    public static final class Unavailable extends ProblemException {

        private final String dependency;

        Unavailable(String dependency, String detail, Throwable cause) {
            super(ProblemKind.UNAVAILABLE, detail, cause);
            this.dependency = dependency;
        }

        public String dependency() {
            return dependency;
        }
    }
}
