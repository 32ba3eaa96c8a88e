package dev.refract.boot.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The smallest Spring Boot application: whatever the class path auto-configures, the starter included. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StarterApplication {

    /** The tables of the test schema's two models. */
    public static final String DDL = """
            create table "Task" (id serial primary key, title text not null, done boolean not null default false);
            create table "Report" (id serial primary key, name text not null);
            """;

    /** Starts the application, without a web server, with {@code properties}. */
    public static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(StarterApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).properties(properties).run();
    }

    /** Creates the test schema's tables through {@code connection}. */
    public static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(DDL);
        }
    }
}
