/** The SLF4J query log of the MongoDB adapter: one event per command, values hidden unless asked for. */
package dev.refract.mongo.log;
