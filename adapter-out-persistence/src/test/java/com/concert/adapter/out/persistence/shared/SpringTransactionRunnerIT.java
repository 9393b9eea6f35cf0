package com.concert.adapter.out.persistence.shared;

import com.concert.application.shared.DependencyUnavailableException;
import com.concert.application.shared.TransactionRunner;
import com.concert.testsupport.persistence.PersistenceIT;
import com.concert.testsupport.persistence.PostgresFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpringTransactionRunnerIT extends PersistenceIT {

    @Autowired
    TransactionRunner transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aConnectionLostInTheMiddleOfATransaction_isDependencyUnavailable_andThePoolRecovers() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            Integer pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            terminate(pid);
            return jdbc.queryForObject("SELECT 1", Integer.class);
        }))
                .as("the server closed the connection; the rollback fails too, and must not hide why")
                .isInstanceOf(DependencyUnavailableException.class);

        assertThat(transactions.readOnly(() -> jdbc.queryForObject("SELECT 42", Integer.class))).isEqualTo(42);
    }

    @Test
    void aBrokenRuleInsideTheWork_reachesTheCallerUnchanged_andRollsBack() {
        jdbc.update("CREATE TABLE IF NOT EXISTS runner_probe (id int PRIMARY KEY)");
        jdbc.update("DELETE FROM runner_probe");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            jdbc.update("INSERT INTO runner_probe VALUES (1)");
            throw new IllegalStateException("changed my mind");
        })).isInstanceOf(IllegalStateException.class).hasMessage("changed my mind");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM runner_probe", Integer.class)).isZero();
    }

    private static void terminate(int pid) {
        try (Connection admin = PostgresFixture.shared().connect();
             PreparedStatement statement = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
