/**
 * The REST resource of pipeline runs: list and filter them a page at a time, stream them all as NDJSON
 * or server-sent events, read one (from the cache), create, change the status of, and delete one.
 */
package dev.refract.example.webflux.runs;
