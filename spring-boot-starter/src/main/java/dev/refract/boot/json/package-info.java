/**
 * Refract's values in JSON, for Spring Boot's Jackson 3 support: {@code Json} values as the JSON they
 * hold, and generated records with their relations as a REST client expects them.
 */
package dev.refract.boot.json;
