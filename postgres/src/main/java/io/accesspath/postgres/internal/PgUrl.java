package io.accesspath.postgres.internal;

import io.accesspath.core.error.UserError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL database URL, parsed from either form users have: a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db?user=u&password=p}) or a libpq URI
 * ({@code postgresql://u:p@host:5432/db?sslmode=require}, also {@code postgres://}). Missing parts
 * take libpq's defaults: host {@code localhost}, port 5432, the user running the JVM, a database
 * named like the user.
 *
 * @param hosts      {@code host:port} pairs, in order ({@code [::1]:5432} for IPv6)
 * @param database   the database name
 * @param user       the user name
 * @param password   the password, if the URL has one
 * @param parameters the remaining parameters, as pgjdbc names them
 */
public record PgUrl(List<String> hosts, String database, String user, Optional<String> password,
                    Map<String, String> parameters) {

    private static final int DEFAULT_PORT = 5432;
    /** libpq parameter names that pgjdbc spells differently. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "target_session_attrs", "targetServerType");

    public PgUrl {
        hosts = List.copyOf(hosts);
        parameters = Map.copyOf(parameters);
    }

    /** Whether the text looks like a PostgreSQL URL of either form. */
    public static boolean accepts(String url) {
        return url.startsWith("jdbc:postgresql:") || url.startsWith("postgresql://") || url.startsWith("postgres://");
    }

    /**
     * Parses a URL.
     *
     * @throws UserError ({@link UserError#INVALID_INPUT}) when it is not a PostgreSQL URL or is
     *                   malformed; the message never repeats a password
     */
    public static PgUrl parse(String url) {
        boolean jdbc = url.startsWith("jdbc:postgresql://");
        String rest;
        if (jdbc) {
            rest = url.substring("jdbc:postgresql://".length());
        } else if (url.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (url.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw UserError.invalid("not a PostgreSQL URL: expected jdbc:postgresql://HOST:PORT/DB or "
                    + "postgresql://USER@HOST:PORT/DB, got '" + redact(url) + "'");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            if (jdbc) {
                throw UserError.invalid("a JDBC URL takes the user as ?user=NAME, not NAME@HOST: '" + redact(url) + "'");
            }
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, url);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1), url) : null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, url);
                String value = eq >= 0 ? decode(pair.substring(eq + 1), url) : "";
                parameters.put(jdbc ? key : LIBPQ_TO_PGJDBC.getOrDefault(key, key), value);
            }
        }
        String userParameter = parameters.remove("user");
        String passwordParameter = parameters.remove("password");
        user = firstNonEmpty(user, userParameter, System.getProperty("user.name"));
        password = firstNonEmpty(password, passwordParameter, null);
        String database = firstNonEmpty(decode(path, url), parameters.remove("dbname"), user);
        return new PgUrl(hosts(rest, url), database, user, Optional.ofNullable(password), parameters);
    }

    /** The URL for pgjdbc, without user and password (those go in {@link #properties()}). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + String.join(",", hosts) + "/" + encode(database);
    }

    /** User, password and the other parameters, for {@code DriverManager.getConnection}. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.putAll(parameters);
        properties.setProperty("user", user);
        password.ifPresent(p -> properties.setProperty("password", p));
        return properties;
    }

    /** The URL as shown to the user: {@code postgresql://user@host:port/db}, never the password. */
    public String display() {
        return "postgresql://" + user + "@" + String.join(",", hosts) + "/" + database;
    }

    private static List<String> hosts(String hostList, String url) {
        List<String> hosts = new ArrayList<>();
        for (String spec : hostList.isEmpty() ? new String[] {""} : hostList.split(",", -1)) {
            String host;
            String port;
            if (spec.startsWith("[")) {
                int close = spec.indexOf(']');
                if (close < 0) {
                    throw UserError.invalid("unclosed '[' in the host of database URL '" + redact(url) + "'");
                }
                host = spec.substring(0, close + 1);
                port = spec.substring(close + 1);
            } else {
                int colon = spec.indexOf(':');
                host = colon >= 0 ? spec.substring(0, colon) : spec;
                port = colon >= 0 ? spec.substring(colon) : "";
            }
            if (host.isEmpty()) {
                host = "localhost";
            }
            hosts.add(host + ":" + port(port, url));
        }
        return hosts;
    }

    private static int port(String colonPort, String url) {
        if (colonPort.isEmpty() || colonPort.equals(":")) {
            return DEFAULT_PORT;
        }
        String digits = colonPort.substring(1);
        try {
            int port = Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw UserError.invalid("invalid port '" + digits + "' in database URL '" + redact(url) + "'");
        }
    }

    private static String firstNonEmpty(String a, String b, String fallback) {
        if (a != null && !a.isEmpty()) {
            return a;
        }
        if (b != null && !b.isEmpty()) {
            return b;
        }
        return fallback;
    }

    /** Percent-decoding as in URIs ('+' stays '+'). */
    private static String decode(String text, String url) {
        if (text == null || text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw UserError.invalid("bad percent-escape in database URL '" + redact(url) + "'");
                }
                try {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw UserError.invalid("bad percent-escape in database URL '" + redact(url) + "'");
                }
                i += 2;
            } else {
                int codePoint = text.codePointAt(i);
                byte[] raw = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** The URL with any password replaced by {@code ***}, for messages. */
    public static String redact(String url) {
        String redacted = url.replaceAll("(://[^/@:]*):[^/@]*@", "$1:***@");
        return redacted.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
