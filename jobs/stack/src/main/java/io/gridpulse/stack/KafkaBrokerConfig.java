package io.gridpulse.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of the local Kafka broker: one KRaft node that is both broker and controller, listening on 127.0.0.1
 * only, with every internal topic at replication factor 1. Stateless.
 */
public final class KafkaBrokerConfig {

    /** Records up to 1 MB are valid input (contracts), so the broker accepts batches well above that. */
    public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    /** Partitions of a topic created without a count (topics are never created automatically here). */
    public static final int DEFAULT_PARTITIONS = 2;

    private KafkaBrokerConfig() {}

    /**
     * The server.properties of the local broker.
     *
     * @param logDir where the broker keeps its log segments and metadata
     * @param port the client listener (PLAINTEXT) on 127.0.0.1
     * @param controllerPort the KRaft controller listener on 127.0.0.1
     */
    public static Map<String, String> properties(Path logDir, int port, int controllerPort) {
        if (port == controllerPort) {
            throw new IllegalArgumentException("Kafka's client and controller ports must differ: " + port);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // A static voter set: it names the controller by its address in this file only, so the controller port may
        // change from one start to the next (a dynamic quorum would record the address in the metadata log).
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        // 50 partitions by default: a lot of files and start-up time for one local consumer group or two.
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a kill the old registration blocks the new one until its session expires (default 9 s).
        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("broker.session.timeout.ms", "4000");
        p.put("auto.create.topics.enable", "false");
        p.put("delete.topic.enable", "true");
        p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.put("log.retention.hours", "168");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        return p;
    }

    static Properties asProperties(Map<String, String> map) {
        Properties props = new Properties();
        props.putAll(map);
        return props;
    }
}
