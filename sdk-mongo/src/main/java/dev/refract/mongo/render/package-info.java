/**
 * Pure rendering of the query model as MongoDB commands: filters as query documents, reads as
 * {@code find}s or aggregation pipelines, writes as documents and update operators, aggregates as
 * {@code $group} stages. Nothing here touches the driver's client; it is unit-tested without a server.
 */
package dev.refract.mongo.render;
