package dev.chapitre.platform;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.UUID;

/**
 * Hazelcast members for unit tests, as Payara Micro runs them: one member of its own cluster (the
 * embedded default), or several that form one cluster over loopback.
 */
public final class TestGrid {

    private static final int FIRST_PORT = 15701;
    private static final int PORTS = 10;
    private static HazelcastInstance shared;

    private TestGrid() {
    }

    /** A one-member grid shared by the tests of this JVM; give each test maps of its own name. */
    public static synchronized HazelcastInstance shared() {
        if (shared == null) {
            shared = member("chapitre-unit-" + UUID.randomUUID());
        }
        return shared;
    }

    /** A new member of {@code cluster}: members started with the same name join each other. Shut it down. */
    public static HazelcastInstance member(String cluster) {
        var config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        var network = config.getNetworkConfig();
        network.setPort(FIRST_PORT).setPortAutoIncrement(true).setPortCount(PORTS);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        var join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        var tcp = join.getTcpIpConfig().setEnabled(true);
        for (int port = FIRST_PORT; port < FIRST_PORT + PORTS; port++) {
            tcp.addMember("127.0.0.1:" + port); // a port range is not understood next to interfaces
        }
        return Hazelcast.newHazelcastInstance(config);
    }
}
