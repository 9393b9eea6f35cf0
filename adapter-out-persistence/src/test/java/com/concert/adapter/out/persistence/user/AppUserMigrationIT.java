package com.concert.adapter.out.persistence.user;

import com.concert.testsupport.persistence.PostgresFixture;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code app_user} changeset on a database that already has users from before authentication: they keep
 * their ids, each as the subject its id names in decimal, and the first new user is numbered after them.
 */
class AppUserMigrationIT {

    private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    /** Changesets before {@code 0007-app-user}. */
    private static final int BEFORE_USERS = 13;

    @Test
    @SuppressWarnings("deprecation") // Liquibase's counted update is what stops the changelog half-way
    void existingUsersKeepTheirIds_andNewOnesComeAfterThem() throws Exception {
        PostgresFixture postgres = PostgresFixture.shared();
        String url = postgres.emptySchemaUrl("migration");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
            liquibase.update(BEFORE_USERS, new Contexts(), new LabelExpression());
            assertThat(count(connection, "SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_name = 'app_user'"))
                    .as("the changelog stopped before the users table").isZero();
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO wallet (user_id, balance, updated_at) VALUES (1001, 500, now()), (7, 0, now())");
                statement.execute("INSERT INTO point_history (user_id, type, amount, balance_after, created_at) "
                        + "VALUES (1001, 'CHARGE', 500, 500, now())");
                statement.execute("INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, result, created_at) "
                        + "VALUES (4242, 'k', 'h', '1', now())");
            }

            liquibase.update(new Contexts(), new LabelExpression());

            assertThat(users(connection)).containsExactly(Map.entry(7L, "7"), Map.entry(1001L, "1001"),
                    Map.entry(4242L, "4242"));
            try (Statement statement = connection.createStatement();
                 ResultSet created = statement.executeQuery("INSERT INTO app_user (subject) VALUES ('new') RETURNING id")) {
                created.next();
                assertThat(created.getLong(1)).isEqualTo(4243);
            }
        }
    }

    private static Map<Long, String> users(Connection connection) throws Exception {
        Map<Long, String> users = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, subject FROM app_user ORDER BY id")) {
            while (rows.next()) {
                users.put(rows.getLong(1), rows.getString(2));
            }
        }
        return users;
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
