package dev.claudeproxy.application.port.out;

/** Makes new ids with a given prefix ({@code msg_}, {@code req_}, {@code toolu_}). */
public interface IdGenerator {

    String next(String prefix);
}
