package dev.claudeproxy.domain.toolcall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Linear scanning for {@code open ... close} blocks whose bodies a reader turns into calls; bad blocks are skipped. */
final class TaggedBlocks {

    /** Calls found, and the index of the marker where the first of them starts (-1 when none). */
    record Found(int start, List<ToolCall> calls) {
        static final Found NONE = new Found(-1, List.of());
    }

    private TaggedBlocks() {
    }

    /**
     * Finds every terminated block. When several opening markers precede one close, the innermost is tried first
     * (a stray marker before a good block), then the outermost. An unterminated block at the end is ignored.
     */
    static Found scan(String text, String open, String close, Function<String, List<ToolCall>> reader) {
        List<ToolCall> calls = new ArrayList<>();
        int first = -1;
        int pos = 0;
        while (true) {
            int o = text.indexOf(open, pos);
            if (o < 0) {
                break;
            }
            int c = text.indexOf(close, o + open.length());
            if (c < 0) {
                break;
            }
            int inner = text.lastIndexOf(open, c - open.length());
            int start = inner > o ? inner : o;
            List<ToolCall> got = reader.apply(text.substring(start + open.length(), c));
            if (got.isEmpty() && start != o) {
                start = o;
                got = reader.apply(text.substring(o + open.length(), c));
            }
            if (!got.isEmpty()) {
                first = first < 0 ? start : first;
                calls.addAll(got);
            }
            pos = c + close.length();
        }
        return calls.isEmpty() ? Found.NONE : new Found(first, calls);
    }
}
