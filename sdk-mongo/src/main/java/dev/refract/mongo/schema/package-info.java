/**
 * The collections and indexes of a MongoDB datasource: those its schema asks for
 * ({@link dev.refract.mongo.schema.DesiredSchema}), those a database has
 * ({@link dev.refract.mongo.schema.SchemaReader}), the difference as steps
 * ({@link dev.refract.mongo.schema.SchemaDiff}, {@link dev.refract.mongo.schema.SchemaStep}), each a
 * MongoDB command applied idempotently ({@link dev.refract.mongo.schema.StepRunner}), and
 * {@code db push} ({@link dev.refract.mongo.schema.MongoPush}), which does all of it at once.
 *
 * <p>Index names follow one rule, kept in {@link dev.refract.mongo.schema.IndexNames}. A unique
 * index over an optional field leaves out the documents without a value
 * ({@link dev.refract.mongo.schema.IndexDefinition#partialFilter()}).
 */
package dev.refract.mongo.schema;
