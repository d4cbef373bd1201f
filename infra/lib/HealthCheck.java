import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container's health check without curl in the image: GET the URL given, exit 0 on 200 and 1 otherwise. Compiled
 * in infra/Dockerfile's build stage; the runtime image has a JRE only.
 */
public final class HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java HealthCheck <url>");
            System.exit(2);
        }
        try {
            HttpClient client =
                    HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(args[0])).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                System.err.println(args[0] + " answered " + answer.statusCode() + ": " + answer.body());
                System.exit(1);
            }
        } catch (Exception e) {
            System.err.println(args[0] + ": " + e);
            System.exit(1);
        }
    }
}
