package dev.refract.r2dbc.migrate;

import java.nio.file.Path;

/**
 * One migration of a datasource: the directory {@code <yyyyMMddHHmmss>_<name>} and the SQL of its
 * {@code migration.sql}.
 *
 * @param name     the directory's name, e.g. {@code 20240612093000_add_orders}; the history records it
 * @param script   the {@code migration.sql} file
 * @param sql      the file's text
 * @param checksum the SHA-256 of the file's bytes with line endings made {@code \n}, as 64 hex digits
 *                 (see {@link Checksums})
 */
public record Migration(String name, Path script, String sql, String checksum) {
}
