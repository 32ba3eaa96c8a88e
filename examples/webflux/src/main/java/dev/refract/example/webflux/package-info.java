/**
 * The example application: a Spring Boot WebFlux service whose REST endpoints read and write
 * pipeline runs and steps through a generated Refract client.
 */
package dev.refract.example.webflux;
