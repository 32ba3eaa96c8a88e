package dev.refract.example.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot WebFlux application around the generated client of {@code schema.prisma}: pipeline
 * runs and their steps in PostgreSQL, runs cached in Redis. The Refract starter builds the client from
 * {@code refract.*} properties (see {@code application.properties}); the controllers return its
 * {@code Mono}s and {@code Flux}es as they are, so nothing blocks between the HTTP connection and the
 * database. The starter also teaches the HTTP codecs' Jackson to read and write the {@code Json} fields
 * of runs and steps.
 */
@SpringBootApplication
public class PipelineApplication {

    /** Starts the application; {@code DATABASE_URL} and {@code REDIS_URL} name the servers. */
    public static void main(String[] args) {
        SpringApplication.run(PipelineApplication.class, args);
    }
}
