package dev.claudeproxy.application.service;

import dev.claudeproxy.application.port.in.CountTokensUseCase;
import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.domain.prompt.TokenEstimator;

/** Estimates input tokens from the prompt a request would produce: system, messages and tools. */
public final class CountTokensService implements CountTokensUseCase {

    @Override
    public int countTokens(CreateMessageCommand command) {
        return TokenEstimator.ofRequest(command.system(), command.messages(), command.tools());
    }
}
