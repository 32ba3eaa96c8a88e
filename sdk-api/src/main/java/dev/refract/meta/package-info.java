/**
 * Runtime metadata of a schema: datasources, models, fields and relations, declared as constants
 * by generated code and read by the runtime by index. Nothing here parses or reflects.
 */
package dev.refract.meta;
