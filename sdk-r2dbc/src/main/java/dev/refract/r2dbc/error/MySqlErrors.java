package dev.refract.r2dbc.error;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's errors by their error code, which the driver keeps
 * ({@link R2dbcException#getErrorCode()}), and the names their messages carry:
 * <ul>
 *   <li>1062 duplicate entry: {@code Duplicate entry '…' for key 'User_email_key'} (MySQL 8 writes
 *       {@code 'User.User_email_key'}): the index, which names the key;</li>
 *   <li>1452 (1216) no referenced record, 1451 (1217) still referenced:
 *       {@code … fails (`db`.`Post`, CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`)
 *       REFERENCES `User` (`id`) …)}: the table holding the key, the constraint and both column
 *       lists;</li>
 *   <li>1048 {@code Column 'name' cannot be null}, 1364 {@code Field 'name' doesn't have a default
 *       value}: the column;</li>
 *   <li>1213 deadlock, 1205 lock wait timeout; SQLSTATE classes {@code 08} and {@code 28} and the
 *       codes of refused, lost or killed connections, and the driver's resource errors without a
 *       code (a connection it found closed), and its refusal of a statement sent on a connection that
 *       has ended ({@code Request queue was disposed}).</li>
 * </ul>
 * The value in a duplicate entry's message is never carried on.
 */
final class MySqlErrors implements DriverErrors {

    /** The one instance; it holds no state. */
    static final MySqlErrors INSTANCE = new MySqlErrors();

    /** MySQL's longest identifier, in characters. */
    static final int IDENTIFIER_LENGTH = 64;

    private static final String NAME = "`((?:[^`]|``)*)`";
    private static final Pattern FOREIGN_KEY = Pattern.compile("\\(" + NAME + "\\." + NAME + ", CONSTRAINT " + NAME
            + " FOREIGN KEY \\(([^)]*)\\) REFERENCES " + NAME + " \\(([^)]*)\\)");
    private static final Pattern QUOTED_COLUMN = Pattern.compile("^(?:Column|Field) '((?:[^']|'')*)'");
    private static final Pattern NAME_IN_LIST = Pattern.compile(NAME);
    private static final String FOR_KEY = " for key '";
    /** What r2dbc-mysql says of a statement sent on a connection that has ended. */
    private static final String DISPOSED_QUEUE = "Request queue was disposed";

    /** Codes of connections refused, lost, killed or not allowed. */
    private static final Set<Integer> CONNECTION_CODES = Set.of(1040, 1042, 1043, 1044, 1045, 1129, 1130, 1152,
            1153, 1158, 1159, 1160, 1161, 1927, 2002, 2003, 2006, 2013, 4031);

    private MySqlErrors() {
    }

    @Override
    public DatabaseError read(R2dbcException error) {
        int number = error.getErrorCode();
        String state = error.getSqlState();
        String code = "MySQL error " + number + (state == null ? "" : ", SQLSTATE " + state);
        String message = error.getMessage() == null ? "" : error.getMessage();
        switch (number) {
            case 1062:
                return duplicate(code, message);
            case 1451:
            case 1217:
                return foreignKey(DatabaseError.Kind.FOREIGN_KEY_STILL_REFERENCED, code, message);
            case 1452:
            case 1216:
                return foreignKey(DatabaseError.Kind.FOREIGN_KEY_MISSING_TARGET, code, message);
            case 1048:
            case 1364:
                Matcher column = QUOTED_COLUMN.matcher(message);
                return new DatabaseError(DatabaseError.Kind.NOT_NULL, code, null, null, List.of(),
                        column.find() ? column.group(1).replace("''", "'") : null);
            case 1213:
                return DatabaseError.of(DatabaseError.Kind.DEADLOCK, code);
            case 1205:
                return DatabaseError.of(DatabaseError.Kind.LOCK_TIMEOUT, code);
            default:
                if (CONNECTION_CODES.contains(number)
                        || (state != null && (state.startsWith("08") || state.startsWith("28")))
                        || (number == 0 && isResourceFailure(error))) {
                    return DatabaseError.of(DatabaseError.Kind.CONNECTION, code);
                }
                return DatabaseError.of(DatabaseError.Kind.OTHER, code);
        }
    }

    /**
     * r2dbc-mysql refuses a statement sent on a connection that has ended (killed, reset) with an
     * {@link IllegalStateException} of its own rather than an R2DBC error.
     */
    @Override
    public boolean lostConnection(Throwable error) {
        return error instanceof IllegalStateException && DISPOSED_QUEUE.equals(error.getMessage());
    }

    /** The driver's own errors of a connection closed or lost, which carry no server error code. */
    private static boolean isResourceFailure(R2dbcException error) {
        return error instanceof R2dbcNonTransientResourceException || error instanceof R2dbcTransientResourceException;
    }

    /** The index of a duplicate entry, and its table where MySQL 8 names it ({@code 'User.User_email_key'}). */
    private static DatabaseError duplicate(String code, String message) {
        int at = message.lastIndexOf(FOR_KEY);
        String key = null;
        if (at >= 0) {
            key = message.substring(at + FOR_KEY.length());
            int end = key.lastIndexOf('\'');
            key = end >= 0 ? key.substring(0, end) : key;
        }
        return new DatabaseError(DatabaseError.Kind.UNIQUE, code, null, key, List.of(), null);
    }

    private static DatabaseError foreignKey(DatabaseError.Kind kind, String code, String message) {
        Matcher matcher = FOREIGN_KEY.matcher(message);
        if (!matcher.find()) {
            return DatabaseError.of(kind, code);
        }
        List<String> columns = names(kind == DatabaseError.Kind.FOREIGN_KEY_STILL_REFERENCED
                ? matcher.group(6) : matcher.group(4));
        return new DatabaseError(kind, code, unquote(matcher.group(2)), unquote(matcher.group(3)), columns, null);
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        Matcher name = NAME_IN_LIST.matcher(list);
        while (name.find()) {
            names.add(unquote(name.group(1)));
        }
        return List.copyOf(names);
    }

    private static String unquote(String name) {
        return name.replace("``", "`");
    }

    /** True when {@code identifier}, as MySQL reports it, is {@code name}, cut to 64 characters as data definition cuts it. */
    @Override
    public boolean sameIdentifier(String name, String identifier) {
        return name.equals(identifier) || (name.length() > IDENTIFIER_LENGTH
                && name.substring(0, IDENTIFIER_LENGTH).equals(identifier));
    }
}
