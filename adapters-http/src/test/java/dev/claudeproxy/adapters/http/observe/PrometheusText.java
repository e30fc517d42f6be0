package dev.claudeproxy.adapters.http.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scrape parsed as Prometheus text exposition format 0.0.4: {@code # HELP}, {@code # TYPE} and the samples. */
record PrometheusText(Map<String, String> types, Map<String, String> helps, List<Sample> samples) {

    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_total", "_created");

    /** One sample line: {@code name{label="value",...} value}. */
    record Sample(String name, Map<String, String> labels, double value) {

        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    /** Parses the text, failing on any line that is not a comment, a blank or a well-formed sample of a typed family. */
    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                (line.startsWith("# HELP ") ? parsed.helps : parsed.types).put(parts[0], parts[1]);
            } else if (!line.startsWith("#")) {
                Sample sample = new SampleParser(line).sample();
                if (parsed.family(sample.name()) == null) {
                    throw new AssertionError("a sample with no # TYPE before it: " + line);
                }
                parsed.samples.add(sample);
            }
        }
        return parsed;
    }

    /** The family (as named by its {@code # TYPE} line) a sample name belongs to, or null. */
    String family(String sampleName) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        return SUFFIXES.stream().filter(sampleName::endsWith)
                .map(s -> sampleName.substring(0, sampleName.length() - s.length()))
                .filter(types::containsKey).findFirst().orElse(null);
    }

    /** The samples named so whose labels include these pairs ({@code "route", "/v1/messages", ...}). */
    List<Sample> samples(String name, String... labelPairs) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.has(wanted)).toList();
    }

    /** The value of the one sample named so with these labels. */
    double value(String name, String... labelPairs) {
        List<Sample> found = samples(name, labelPairs);
        if (found.size() != 1) {
            throw new AssertionError("expected one sample " + name + " " + List.of(labelPairs) + ", found " + found);
        }
        return found.getFirst().value();
    }

    /** Reads one sample line, character by character (label values may hold escaped quotes, commas and braces). */
    private static final class SampleParser {
        private final String line;
        private int at;

        SampleParser(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = until("{ ");
            if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                throw new AssertionError("bad metric name in: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (line.charAt(at) == '{') {
                at++;
                while (line.charAt(at) != '}') {
                    String label = until("=");
                    expect('=');
                    expect('"');
                    labels.put(label, quoted());
                    if (line.charAt(at) == ',') {
                        at++;
                    }
                }
                at++;
            }
            String[] rest = line.substring(at).strip().split(" ");
            if (rest.length > 2) {
                throw new AssertionError("more than a value and a timestamp in: " + line);
            }
            return new Sample(name, labels, number(rest[0]));
        }

        private String until(String stops) {
            int start = at;
            while (at < line.length() && stops.indexOf(line.charAt(at)) < 0) {
                at++;
            }
            if (at == line.length()) {
                throw new AssertionError("malformed sample: " + line);
            }
            return line.substring(start, at);
        }

        private void expect(char c) {
            if (line.charAt(at++) != c) {
                throw new AssertionError("expected " + c + " at " + (at - 1) + " in: " + line);
            }
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            for (char c = line.charAt(at++); c != '"'; c = line.charAt(at++)) {
                if (c == '\\') {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            return value.toString();
        }

        private double number(String text) {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }
    }
}
