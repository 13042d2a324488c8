package io.gridpulse.demo;

import io.gridpulse.demo.feed.FeedStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** {@code DemoMain <outDir> [--small] [--seed N]}: writes the demo city and prints what it wrote. */
public final class DemoMain {

    private DemoMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: DemoMain <outDir> [--small] [--seed N]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        DemoOptions.Builder b = DemoOptions.defaults().toBuilder();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--small" -> b = DemoOptions.small().toBuilder();
                case "--seed" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--seed needs a number");
                    }
                    b.seed(Long.parseLong(args[++i]));
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        // --seed may come before --small: apply it again on the chosen preset
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--seed")) {
                b.seed(Long.parseLong(args[i + 1]));
            }
        }
        long t0 = System.nanoTime();
        DemoCity.Result result = DemoCity.generate(b.build(), out);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(
                "demo city %s: %d grids, written to %s in %d ms%n",
                result.city().name, result.city().grids.size(), out, ms);
        for (FeedStats s : result.feeds().values()) {
            System.out.printf(
                    "  %-14s %,10d lines %,10d distinct valid %,6d bad %s%n",
                    s.file(), s.lines(), s.distinctValid(), s.badTotal(), s.bad());
        }
        try (Stream<Path> files = Files.list(out)) {
            files.sorted().forEach(f -> {
                try {
                    System.out.printf("  %-18s %,12d bytes%n", f.getFileName(), Files.size(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
