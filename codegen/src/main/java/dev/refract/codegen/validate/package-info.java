/**
 * Checks a parsed schema and resolves it into {@link dev.refract.codegen.definition.SchemaDefinition}.
 * {@link dev.refract.codegen.validate.SchemaValidator} is the entry point; the rules are split by
 * concern (datasources, generator, names, types, attributes, keys, relations, defaults, provider
 * capabilities) and share one collector of diagnostics, so that every problem of a file is
 * reported at once. The resolver runs only when no rule found an error.
 */
package dev.refract.codegen.validate;
