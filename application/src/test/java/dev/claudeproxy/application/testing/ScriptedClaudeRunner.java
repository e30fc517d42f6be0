package dev.claudeproxy.application.testing;

import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory {@link ClaudeRunner}: each started turn plays the next queued script; every request is recorded. */
public final class ScriptedClaudeRunner implements ClaudeRunner {

    private final Queue<TurnScript> scripts = new ConcurrentLinkedQueue<>();
    private final List<TurnRequest> requests = new CopyOnWriteArrayList<>();
    private final List<ScriptedTurn> turns = new CopyOnWriteArrayList<>();

    public ScriptedClaudeRunner willPlay(TurnScript script) {
        scripts.add(script);
        return this;
    }

    public ScriptedClaudeRunner willPlay(TurnEvent... events) {
        return willPlay(TurnScript.of(events));
    }

    @Override
    public ClaudeTurn start(TurnRequest request) {
        requests.add(request);
        TurnScript script = scripts.poll();
        if (script == null) {
            throw new IllegalStateException("no turn scripted for " + request);
        }
        ScriptedTurn turn = new ScriptedTurn(script);
        turns.add(turn);
        return turn;
    }

    public List<TurnRequest> requests() {
        return List.copyOf(requests);
    }

    public TurnRequest lastRequest() {
        return requests.getLast();
    }

    public List<ScriptedTurn> turns() {
        return List.copyOf(turns);
    }

    public ScriptedTurn lastTurn() {
        return turns.getLast();
    }
}
