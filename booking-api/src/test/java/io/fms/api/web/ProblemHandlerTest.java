package io.fms.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

class ProblemHandlerTest {

    @Test
    void aRedisCommandTimeoutIsRedisThoughSpringCallsItAPlainQueryTimeout() {
        QueryTimeoutException translated =
                new QueryTimeoutException("Redis command timed out", new RedisCommandTimeoutException("2 s"));

        assertThat(ProblemHandler.isRedis(translated)).isTrue();
        assertThat(ProblemHandler.isRedis(new RedisConnectionFailureException("refused")))
                .isTrue();
    }

    @Test
    void aDatabaseFailureIsNotRedis() {
        assertThat(ProblemHandler.isRedis(new DataAccessResourceFailureException(
                        "no connection", new SQLTransientConnectionException("pool timeout"))))
                .isFalse();
    }
}
