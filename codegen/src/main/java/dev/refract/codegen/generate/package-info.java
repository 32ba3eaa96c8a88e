/**
 * The Java generator: resolved schema definitions in, a naming strategy and a type map, one emitter
 * per generated artefact (records, enums, query builders, mappers, delegates, metadata, the client),
 * JavaPoet files out. {@link dev.refract.codegen.generate.JavaGenerator} is the entry point.
 */
package dev.refract.codegen.generate;
