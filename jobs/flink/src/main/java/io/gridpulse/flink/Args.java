package io.gridpulse.flink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} and flags {@code --name}. Unknown options
 * are an error naming them, so a typo never silently changes what runs.
 */
public final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {}

    /**
     * @param withValue options that take a value
     * @param flags options that take none
     */
    public static Args parse(String[] argv, Set<String> withValue, Set<String> flags) {
        Args a = new Args();
        for (int i = 0; i < argv.length; i++) {
            String s = argv[i];
            if (s.startsWith("--")) {
                String name = s.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && inline == null) {
                    a.values.put(name, "true");
                } else if (withValue.contains(name)) {
                    if (inline == null) {
                        if (i + 1 >= argv.length) {
                            throw new IllegalArgumentException("option --" + name + " needs a value");
                        }
                        inline = argv[++i];
                    }
                    a.values.put(name, inline);
                } else {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    public String get(String name) {
        return values.get(name);
    }

    public String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    public boolean flag(String name) {
        return "true".equals(values.get(name));
    }

    public List<String> positional() {
        return positional;
    }
}
