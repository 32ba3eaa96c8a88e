/** How Refract's {@link dev.refract.json.Json} values are written in the application's HTTP responses. */
package dev.refract.example.webflux.json;
