package io.fms.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at real infrastructure: the shared Kafka broker and Redis server (or Redis Cluster), and a Postgres
 * database of its own. Use from a {@code @DynamicPropertySource} method.
 */
public final class FmsTestInfrastructure {

    private FmsTestInfrastructure() {}

    public static void register(DynamicPropertyRegistry registry) {
        registerKafkaAndPostgres(registry);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    /** As {@link #register}, with the three-master {@link TestRedisCluster} in place of the one Redis server. */
    public static void registerWithRedisCluster(DynamicPropertyRegistry registry) {
        registerKafkaAndPostgres(registry);
        registry.add("spring.data.redis.cluster.nodes", () -> String.join(",", TestRedisCluster.nodes()));
    }

    private static void registerKafkaAndPostgres(DynamicPropertyRegistry registry) {
        String databaseUrl = TestPostgres.freshDatabaseUrl();
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }
}
