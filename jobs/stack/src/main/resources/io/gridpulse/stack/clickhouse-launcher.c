/*
 * gridpulse local ClickHouse launcher.
 *
 * libchdb.so (from the npm package @chdb/lib-linux-x64-gnu) is the ClickHouse engine as a
 * shared library: clickhouse-local. clickhouse-local can open the same HTTP interface as
 * clickhouse-server, but the listener only lives as long as the query that opened it. So this
 * program opens the listener and then runs a query that sleeps for ever in 3-second steps.
 * It runs in its own process (never inside a JVM: the engine installs its own signal handlers).
 *
 * Usage: clickhouse-launcher <data dir> <http port>
 * Listens on 127.0.0.1 only. Exits 1 with the engine's error on stderr if the query ends.
 */
#include <stdio.h>
#include <stdlib.h>

/* The two entry points we need, declared here so no header from the package is needed. */
struct chdb_result;
struct chdb_result *chdb_query_cmdline(int argc, char **argv);
const char *chdb_result_error(struct chdb_result *result);

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s <data dir> <http port>\n", argv[0]);
        return 2;
    }
    char path[4096];
    char port[64];
    snprintf(path, sizeof path, "--path=%s", argv[1]);
    snprintf(port, sizeof port, "--http_port=%s", argv[2]);
    char *args[] = {
        "clickhouse",
        path,
        port,
        "--listen_host=127.0.0.1",
        "--multiquery",
        /* max_block_size=1 makes sleep(3) run once per row: about 95 years in all */
        "--query=SYSTEM START LISTEN HTTP; "
        "SELECT sleep(3) FROM numbers(1000000000) SETTINGS max_block_size=1 FORMAT Null",
    };
    fprintf(stderr, "gridpulse clickhouse-launcher: data %s, http 127.0.0.1:%s\n", argv[1], argv[2]);
    struct chdb_result *result = chdb_query_cmdline((int) (sizeof args / sizeof args[0]), args);
    const char *error = result == NULL ? "no result" : chdb_result_error(result);
    fprintf(stderr, "gridpulse clickhouse-launcher: the serving query ended: %s\n", error ? error : "(no error)");
    return 1;
}
