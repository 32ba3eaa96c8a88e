/**
 * The MongoDB adapter: {@link dev.refract.mongo.MongoAdapterProvider} (provider {@code mongodb}) makes a
 * {@link dev.refract.mongo.MongoAdapter} per datasource, which renders operations as BSON, runs them on
 * the Reactive Streams driver with the datasource's own pool, and translates errors.
 */
package dev.refract.mongo;
