/**
 * The building blocks of generated query builders: where conditions per kind of value, sort keys,
 * field sets and writes. Generated builders extend or return these and produce the query model.
 */
package dev.refract.builder;
