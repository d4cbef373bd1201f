package io.fms.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each launcher of the local stack, started as its own process on free ports and a temporary data directory (so a
 * running {@code infra/fms up} is never disturbed), answers its clients and stops on SIGTERM.
 */
class LocalStackNodesIT {

    @TempDir
    Path root;

    @Test
    void kafkaNodeServesProducersConsumersAndAdmins() throws Exception {
        int port = LaunchedNode.freePort();
        Map<String, String> env = Map.of(
                "FMS_LOCAL_KAFKA_PORT", String.valueOf(port),
                "FMS_LOCAL_KAFKA_CONTROLLER_PORT", String.valueOf(LaunchedNode.freePort()));
        String bootstrap = "localhost:" + port;
        String topic = "fms.it." + UUID.randomUUID();

        try (LaunchedNode kafka = LaunchedNode.start(KafkaNode.class, root.resolve("kafka"), env)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                        .all()
                        .get();
                assertThat(admin.listTopics().names().get()).contains(topic);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class))) {
                producer.send(new ProducerRecord<>(topic, "trip-1", "hello")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "it-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class))) {
                consumer.subscribe(List.of(topic));
                List<ConsumerRecord<String, String>> received = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> {
                                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                                    return received;
                                },
                                records -> !records.isEmpty());
                assertThat(received).singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo("trip-1");
                    assertThat(record.value()).isEqualTo("hello");
                });
            }
        }
    }

    @Test
    void postgresNodeKeepsTheFmsDatabaseAcrossRestarts() throws Exception {
        int port = LaunchedNode.freePort();
        Map<String, String> env = Map.of("FMS_LOCAL_POSTGRES_PORT", String.valueOf(port));
        String url = "jdbc:postgresql://localhost:" + port + "/fms";
        Path dataDir = root.resolve("postgres");

        try (LaunchedNode postgres = LaunchedNode.start(PostgresNode.class, dataDir, env);
                Connection connection = DriverManager.getConnection(url, "fms", "fms");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE survivors (name text)");
            statement.execute("INSERT INTO survivors VALUES ('Ada')");
        }
        try (LaunchedNode postgres = LaunchedNode.start(PostgresNode.class, dataDir, env);
                Connection connection = DriverManager.getConnection(url, "fms", "fms");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_user, name FROM survivors")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("fms");
            assertThat(rows.getString(2)).isEqualTo("Ada");
            try (ResultSet fsync = statement.executeQuery("SHOW fsync")) {
                assertThat(fsync.next()).isTrue();
                assertThat(fsync.getString(1)).as("commits are durable").isEqualTo("on");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, "fms", "not-the-password"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void redisNodeAnswersAndKeepsKeysAcrossRestarts() throws Exception {
        int port = LaunchedNode.freePort();
        Map<String, String> env = Map.of("FMS_LOCAL_REDIS_PORT", String.valueOf(port));
        Path dataDir = root.resolve("redis");

        try (LaunchedNode redis = LaunchedNode.start(RedisNode.class, dataDir, env)) {
            assertThat(resp(port, "SET", "fms:it", "kept")).isEqualTo("+OK");
        }
        try (LaunchedNode redis = LaunchedNode.start(RedisNode.class, dataDir, env)) {
            assertThat(resp(port, "GET", "fms:it")).isEqualTo("kept");
        }
    }

    @Test
    void mailNodeDeliversToAMailboxOpenedWithTheAddress() throws Exception {
        int smtpPort = LaunchedNode.freePort();
        int imapPort = LaunchedNode.freePort();
        int pop3Port = LaunchedNode.freePort();
        Map<String, String> env = Map.of(
                "FMS_LOCAL_SMTP_PORT", String.valueOf(smtpPort),
                "FMS_LOCAL_IMAP_PORT", String.valueOf(imapPort),
                "FMS_LOCAL_POP3_PORT", String.valueOf(pop3Port));
        String address = "ada@example.com";

        try (LaunchedNode mail = LaunchedNode.start(MailNode.class, root.resolve("mail"), env)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "localhost");
            smtp.put("mail.smtp.port", String.valueOf(smtpPort));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("bookings@fms.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
            message.setSubject("Booking CONFIRMED");
            message.setText("Seats 12A, 12B");
            Transport.send(message);

            assertThat(subjectsIn("imap", imapPort, address)).containsExactly("Booking CONFIRMED");
            assertThat(subjectsIn("pop3", pop3Port, address)).containsExactly("Booking CONFIRMED");
        }
    }

    private static List<String> subjectsIn(String protocol, int port, String address) throws Exception {
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "5000");
        properties.put("mail." + protocol + ".timeout", "5000");
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect("localhost", port, address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    /** One command in the Redis protocol; answers a simple string or a bulk string's payload. */
    private static String resp(int port, String... command) throws Exception {
        StringBuilder request = new StringBuilder("*" + command.length + "\r\n");
        for (String part : command) {
            request.append('$')
                    .append(part.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            return first.startsWith("$") && !first.equals("$-1") ? in.readLine() : first;
        }
    }
}
