package dev.claudeproxy.domain.id;

import java.util.random.RandomGenerator;

/** Anthropic-style ids: a prefix and 24 base62 characters, e.g. {@code msg_01XFDUDYJgAACzvnptvVoYEL}. */
public final class Ids {

    public static final String MESSAGE = "msg_";
    public static final String REQUEST = "req_";
    public static final String TOOL_USE = "toolu_";
    public static final int LENGTH = 24;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Ids() {
    }

    public static String next(String prefix, RandomGenerator random) {
        StringBuilder out = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) {
            out.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return out.toString();
    }

    /** Whether {@code id} has the given prefix followed by exactly 24 base62 characters. */
    public static boolean isWellFormed(String id, String prefix) {
        if (id == null || !id.startsWith(prefix) || id.length() != prefix.length() + LENGTH) {
            return false;
        }
        for (int i = prefix.length(); i < id.length(); i++) {
            if (BASE62.indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
