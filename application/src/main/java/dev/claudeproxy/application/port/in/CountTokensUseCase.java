package dev.claudeproxy.application.port.in;

/** Estimates the input tokens of a request without running the CLI. */
public interface CountTokensUseCase {

    int countTokens(CreateMessageCommand command);
}
