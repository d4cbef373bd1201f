package io.fms.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StandardWebhookSignatureTest {

    // The signature of this message was computed apart from this code (Python's hmac and base64 modules).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsIdTimestampAndBodyWithTheDecodedKey() {
        assertThat(new StandardWebhookSignature(SECRET).signature(ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void severalSecretsSignWithEachSoAReceiverCanRotate() {
        String next = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

        String signature = new StandardWebhookSignature(SECRET + " " + next).signature(ID, TIMESTAMP, BODY);

        assertThat(signature.split(" "))
                .containsExactly(
                        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                        new StandardWebhookSignature(next).signature(ID, TIMESTAMP, BODY));
        assertThat(StandardWebhookSignature.current(SECRET + " " + next)).isEqualTo(SECRET);
    }

    @Test
    void theSignatureChangesWithIdTimestampOrBody() {
        StandardWebhookSignature signer = new StandardWebhookSignature(SECRET);
        String original = signer.signature(ID, TIMESTAMP, BODY);

        assertThat(signer.signature("msg_other", TIMESTAMP, BODY)).isNotEqualTo(original);
        assertThat(signer.signature(ID, TIMESTAMP + 1, BODY)).isNotEqualTo(original);
        assertThat(signer.signature(ID, TIMESTAMP, "{}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(original);
    }

    @Test
    void aMalformedOrWeakSecretStopsTheStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StandardWebhookSignature("whsec_not*base64"))
                .withMessageContaining("whsec_<base64 key>");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StandardWebhookSignature(
                        "whsec_" + Base64.getEncoder().encodeToString(new byte[8])))
                .withMessageContaining("at least 24 bytes");
    }
}
