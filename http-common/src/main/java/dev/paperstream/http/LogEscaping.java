package dev.paperstream.http;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps what clients send from forging log lines: in records of paperstream's own loggers, CR, LF and every other
 * control character of the message and of its parameters is written as an escape ({@code \n}, {@code \u0085}), so
 * one record stays one line whatever a digest id, title, parameter or header holds. In one place, as a handler
 * filter ({@code quarkus.log.console.filter=paperstream-log-escape}), instead of at every call that logs input.
 * Escaped text holds no control character, so a record that passes two handlers is escaped once.
 */
@LoggingFilter(name = "paperstream-log-escape")
public final class LogEscaping implements Filter {

    private static final String OWN_LOGGERS = "dev.paperstream.";

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith(OWN_LOGGERS)) {
            return true;
        }
        String message = record.getMessage();
        String escapedMessage = escape(message);
        if (escapedMessage != message) {
            // a plain setMessage would switch a printf-style record to MessageFormat and break its %s
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(escapedMessage, ext.getFormatStyle());
            } else {
                record.setMessage(escapedMessage);
            }
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            Object[] escaped = parameters.clone();
            for (int i = 0; i < escaped.length; i++) {
                escaped[i] = escapeParameter(escaped[i]);
            }
            record.setParameters(escaped);
        }
        return true;
    }

    /** Numbers and booleans stay themselves so that {@code %d} and the like still format them. */
    private static Object escapeParameter(Object parameter) {
        if (parameter == null || parameter instanceof Number || parameter instanceof Boolean) {
            return parameter;
        }
        String text = String.valueOf(parameter);
        String escaped = escape(text);
        return escaped == text ? parameter : escaped;
    }

    /** @return {@code text} itself when it holds nothing to escape */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(LogEscaping::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** C0, DEL, C1 and the Unicode line and paragraph separators, which some log viewers break lines on. */
    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
    }
}
