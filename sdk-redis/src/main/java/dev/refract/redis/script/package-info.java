/** The Lua scripts that keep a record and its unique index keys consistent, and their digests. */
package dev.refract.redis.script;
