package dev.claudeproxy.bootstrap.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The parsed command line: setting flags ({@code --port=N} or {@code --port N}), {@code --config} and {@code --help}. */
record CommandLine(Map<Setting, String> flags, Optional<String> configFile, boolean help) {

    static final String CONFIG_FLAG = "config";

    CommandLine {
        flags = Map.copyOf(flags);
    }

    static CommandLine parse(String[] args) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        String configFile = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unknown argument '" + arg + "' (see --help)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            Optional<Setting> setting = Setting.byYamlKey(name);
            if (!name.equals(CONFIG_FLAG) && setting.isEmpty()) {
                throw new IllegalArgumentException("unknown option '--" + name + "' (see --help)");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (setting.equals(Optional.of(Setting.DEBUG))) {
                value = "true"; // a bare --debug switches it on
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + ": missing value");
            }
            if (setting.isPresent()) {
                flags.put(setting.get(), value);
            } else {
                configFile = value;
            }
        }
        return new CommandLine(flags, Optional.ofNullable(configFile), help);
    }
}
