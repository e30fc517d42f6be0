package dev.claudeproxy.adapters.http;

import dev.claudeproxy.adapters.http.common.ApiKeyFilter;
import dev.claudeproxy.adapters.http.common.DisconnectWatch;
import dev.claudeproxy.adapters.http.common.ErrorMapping;
import dev.claudeproxy.adapters.http.common.ProxyHeadersFilter;
import dev.claudeproxy.adapters.http.debug.DebugHttpService;
import dev.claudeproxy.adapters.http.messages.BatchesHttpService;
import dev.claudeproxy.adapters.http.messages.MessagesHttpService;
import dev.claudeproxy.adapters.http.models.ModelsHttpService;
import dev.claudeproxy.adapters.http.openai.ChatCompletionsHttpService;
import dev.claudeproxy.adapters.http.root.RootHttpService;
import dev.claudeproxy.adapters.http.sessions.SessionsHttpService;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;

/** The HTTP adapter's entry point: the production routing, used by the composition root and by tests. */
public final class ProxyHttp {

    private ProxyHttp() {
    }

    /** Registers every route, filter and error handler. */
    public static void routing(HttpRouting.Builder routing, HttpDependencies deps) {
        routing.addFilter(new ProxyHeadersFilter(deps.ids()))
                .addFilter(new ApiKeyFilter(deps.apiKey()))
                .addFilter(DisconnectWatch.shared())
                .register(new RootHttpService(deps.queue(), deps.version()),
                        new MessagesHttpService(deps.createMessage(), deps.countTokens(), deps.pingInterval(),
                                deps.maxBodyBytes()),
                        new BatchesHttpService(),
                        new ChatCompletionsHttpService(deps.createMessage(), deps.listModels(), deps.ids(),
                                Clock.systemUTC(), deps.pingInterval(), deps.maxBodyBytes()),
                        new ModelsHttpService(deps.listModels()),
                        new SessionsHttpService(deps.sessions()),
                        new DebugHttpService(deps.inspect(), deps.queue(), deps.sessions(), deps.version(),
                                deps.settings()))
                .any(ErrorMapping::notFound); // last: whatever no service matched
        ErrorMapping.register(routing);
    }
}
