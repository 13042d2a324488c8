package io.gridpulse.cli;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.grid.GeoJsonFeatures;
import io.gridpulse.domain.grid.GridAssign;
import io.gridpulse.domain.grid.GridCheck;
import io.gridpulse.domain.grid.GridIndex;
import io.gridpulse.domain.grid.GridIssue;
import io.gridpulse.domain.grid.GridSet;
import io.gridpulse.flink.Args;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./gridpulse grid assign|check}: re-geocodes historical points to grid codes (历史数据重新落格),
 * and checks a grid file (网格核查). Results go to standard output, counts and bad lines to
 * standard error.
 *
 * <p>Exit codes: {@code assign} 0 when every line was read, 1 when any line was bad (each one is
 * reported with its line number; the good lines are still written); {@code check} 0 when the file
 * is clean, 1 when it has issues; 2 for bad usage.
 */
final class GridCommand {

    static final String USAGE =
            "usage: gridpulse grid assign --grids F [--grids-crs WGS84|CGCS2000|GCJ02|BD09] --points F.csv [--crs C]\n"
                    + "       gridpulse grid check --grids F [--grids-crs C]";

    private GridCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "assign" -> assign(rest, out, err);
            case "check" -> check(rest, out, err);
            default -> throw new IllegalArgumentException("unknown grid command '" + args[0] + "'\n" + USAGE);
        };
    }

    static int assign(String[] argv, PrintStream out, PrintStream err) throws IOException {
        Args a = parse(argv, Set.of("grids", "grids-crs", "points", "crs"));
        Path points = file(a, "points");
        Crs pointsCrs = crs(a, "crs");
        GridSet grids = load(a, err);
        GridIndex index = GridIndex.of(grids);
        long[] bad = {0};
        GridAssign.Result result;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (Reader in = Files.newBufferedReader(points, StandardCharsets.UTF_8)) {
            result = GridAssign.assign(in, pointsCrs, index, w, message -> {
                bad[0]++;
                err.println("gridpulse: " + points + ": " + message);
            });
        }
        w.flush();
        err.printf(
                Locale.ROOT,
                "gridpulse: grid assign: %d points assigned (%d in no grid), %d bad lines%n",
                result.assigned(),
                result.outside(),
                result.rejected());
        if (result.rejected() > 0) {
            err.printf(
                    Locale.ROOT,
                    "gridpulse: grid assign: exit code 1 because %d line(s) of %s could not be read (listed above;"
                            + " they are not in the output)%n",
                    result.rejected(),
                    points);
            return 1;
        }
        return 0;
    }

    static int check(String[] argv, PrintStream out, PrintStream err) throws IOException {
        Args a = parse(argv, Set.of("grids", "grids-crs"));
        Path gridsFile = file(a, "grids");
        Crs gridsCrs = crs(a, "grids-crs");
        // The raw features, not GridSet.load: loading refuses what the check must report
        List<GridIssue> issues = GridCheck.check(GeoJsonFeatures.read(Files.readAllBytes(gridsFile), gridsCrs));
        for (GridIssue issue : issues) {
            out.printf(
                    Locale.ROOT,
                    "%s\t%s\t%s\t%s%n",
                    issue.kind(),
                    String.join(",", issue.codes()),
                    Double.isNaN(issue.lon()) ? "-" : String.format(Locale.ROOT, "%.7f,%.7f", issue.lon(), issue.lat()),
                    issue.detail());
        }
        err.printf(
                Locale.ROOT,
                "gridpulse: grid check: %s: %s%n",
                gridsFile,
                issues.isEmpty() ? "clean" : issues.size() + " issue(s) (kind, codes, WGS84 lon,lat, detail)");
        return issues.isEmpty() ? 0 : 1;
    }

    private static Args parse(String[] argv, Set<String> options) {
        Args a = Args.parse(argv, options, Set.of());
        if (!a.positional().isEmpty()) {
            throw new IllegalArgumentException(
                    "unexpected argument '" + a.positional().get(0) + "'\n" + USAGE);
        }
        return a;
    }

    private static GridSet load(Args a, PrintStream err) throws IOException {
        Path gridsFile = file(a, "grids");
        Crs gridsCrs = crs(a, "grids-crs");
        GridSet grids = GridSet.load(Files.readAllBytes(gridsFile), gridsCrs);
        for (String repair : grids.repairs()) {
            err.println("gridpulse: " + gridsFile + ": " + repair);
        }
        err.printf(Locale.ROOT, "gridpulse: %d grids from %s (%s)%n", grids.size(), gridsFile, gridsCrs);
        return grids;
    }

    private static Path file(Args a, String option) {
        String value = a.get(option);
        if (value == null) {
            throw new IllegalArgumentException("--" + option + " is required\n" + USAGE);
        }
        Path p = Path.of(value);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("--" + option + ": no such file " + p);
        }
        return p;
    }

    private static Crs crs(Args a, String option) {
        String name = a.get(option, "WGS84");
        Crs crs = Crs.parse(name);
        if (crs == null) {
            throw new IllegalArgumentException("--" + option + " must be WGS84, CGCS2000, GCJ02 or BD09, got " + name);
        }
        return crs;
    }
}
