/** Filters evaluated on the client, record by record, with the semantics of the SQL adapters. */
package dev.refract.redis.filter;
