/**
 * How failures reach an HTTP client: Refract's typed errors and request validation, both as RFC 9457
 * problem details.
 */
package dev.refract.example.webflux.problems;
