package io.gridpulse.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ClickHouse engine in the machine-wide cache: the npm package {@value #PACKAGE} (libchdb.so, the ClickHouse
 * engine as a shared library) unpacked under {@code <cache>/chdb/<version>/}, and a small C launcher compiled against
 * it. Everything is written to a temporary folder and renamed into place when complete, so an interrupted download
 * or compile never looks complete; a lock file keeps two processes from downloading at once. Immutable and
 * thread-safe.
 */
public final class ClickHouseEngine {

    /** The npm package holding libchdb.so for Linux x86-64 with glibc. */
    public static final String PACKAGE = "@chdb/lib-linux-x64-gnu";

    /** chDB 26.7.3: the ClickHouse 26.7 engine. */
    public static final String VERSION = "26.7.3-stable.1";

    static final String LAUNCHER_RESOURCE = "clickhouse-launcher.c";

    private final Path cache;

    public ClickHouseEngine(Path cache) {
        this.cache = cache;
    }

    /** {@code <cache>/chdb/<version>}: holds {@code package/libchdb.so} once complete. */
    public Path versionDir() {
        return cache.resolve("chdb").resolve(VERSION);
    }

    public Path library() {
        return versionDir().resolve("package").resolve("libchdb.so");
    }

    public boolean isDownloaded() {
        return Files.isRegularFile(library());
    }

    /**
     * The launcher executable, downloading the engine and compiling the launcher first if needed.
     *
     * @throws IllegalStateException naming npm, tar or gcc when one is missing or fails
     */
    public Path ensureLauncher() {
        ensureDownloaded();
        String source = launcherSource();
        Path launcher = versionDir().resolve("bin").resolve("clickhouse-launcher-" + sourceKey(source));
        if (Files.isExecutable(launcher)) {
            return launcher;
        }
        withCacheLock(() -> {
            if (!Files.isExecutable(launcher)) {
                compile(source, launcher);
            }
        });
        return launcher;
    }

    /** Downloads and unpacks the npm package unless the cache already holds it. */
    public void ensureDownloaded() {
        if (isDownloaded()) {
            return;
        }
        withCacheLock(() -> {
            if (!isDownloaded()) {
                download();
            }
        });
    }

    /** A short hash of the launcher source and engine version: a changed source gets a new executable. */
    static String sourceKey(String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String launcherSource() {
        try (InputStream in = ClickHouseEngine.class.getResourceAsStream(LAUNCHER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + LAUNCHER_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void download() {
        String npm = Tools.require("npm", "once per machine to download the ClickHouse engine (" + PACKAGE + ")");
        String tar = Tools.require("tar", "to unpack the ClickHouse engine");
        Path chdb = versionDir().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(chdb);
            tmp = Files.createTempDirectory(chdb, ".download-");
            Path log = tmp.resolve("npm-pack.log");
            Tools.run(List.of(npm, "pack", "--silent", PACKAGE + "@" + VERSION), tmp, log, 1800);
            Path tgz;
            try (Stream<Path> files = Files.list(tmp)) {
                tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("npm pack left no .tgz file in " + log.getParent()
                                + "\n" + ServerProcess.tail(log, 20)));
            }
            Path unpacked = tmp.resolve("unpacked");
            Files.createDirectories(unpacked);
            Tools.run(List.of(tar, "-xzf", tgz.toString(), "-C", unpacked.toString()), tmp, log, 600);
            if (!Files.isRegularFile(unpacked.resolve("package").resolve("libchdb.so"))) {
                throw new IllegalStateException(PACKAGE + "@" + VERSION + " holds no package/libchdb.so");
            }
            moveIntoPlace(unpacked, versionDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot download the ClickHouse engine into " + chdb, e);
        } finally {
            deleteTree(tmp);
        }
    }

    private void compile(String source, Path launcher) {
        String gcc = Tools.require("gcc", "to compile the small launcher of the local ClickHouse server");
        Path bin = launcher.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(bin);
            tmp = Files.createTempDirectory(bin, ".compile-");
            Path c = tmp.resolve(LAUNCHER_RESOURCE);
            Files.writeString(c, source);
            Path out = tmp.resolve("launcher");
            Path lib = library().getParent();
            Tools.run(
                    List.of(gcc, "-O2", "-o", out.toString(), c.toString(), "-L" + lib, "-lchdb", "-Wl,-rpath," + lib),
                    tmp,
                    tmp.resolve("gcc.log"),
                    300);
            Files.move(out, launcher, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compile the ClickHouse launcher into " + bin, e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void moveIntoPlace(Path complete, Path target) throws IOException {
        try {
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // A leftover without libchdb.so (never complete, since only complete folders are renamed here): replace.
            Path old = target.resolveSibling(".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The cache folder does not support atomic renames: " + target.getParent(), e);
        }
    }

    private void withCacheLock(Runnable action) {
        Path lockFile = cache.resolve("chdb").resolve(".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temp folder is harmless and never looks complete.
        }
    }
}
