package dev.chapitre.e2e;

import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import dev.chapitre.it.PostgresCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several instances of target/chapitre.jar as deploy/chapitre@.service runs them: one cluster over
 * loopback (Payara Micro's data grid), one PostgreSQL of their own, one shared data directory, and
 * deploy/'s nginx balancing them. All of it lives under {@code target/NAME}; instances can be
 * killed (SIGKILL) and started again on the same ports.
 */
public final class ClusterSite implements AutoCloseable {

    /** Payara Micro's data grid status, logged by each member whenever the membership changes. */
    private static final Pattern GRID_SIZE = Pattern.compile("DG Size: (\\d+)");
    private static final Duration BOOT = Duration.ofMinutes(4); // several JVMs booting at once on two cores
    private static final String DATABASE = "chapitre_cluster";

    private final Path dir;
    private final PostgresCluster postgres;
    private final Map<String, String> environment;
    private final List<Integer> ports;
    private final List<Integer> gridPorts;
    private final String clusterName;
    private final JarServer[] instances;
    private NginxSite nginx;

    private ClusterSite(Path dir, PostgresCluster postgres, Map<String, String> environment, List<Integer> ports, List<Integer> gridPorts,
                        String clusterName) {
        this.dir = dir;
        this.postgres = postgres;
        this.environment = environment;
        this.ports = ports;
        this.gridPorts = gridPorts;
        this.clusterName = clusterName;
        this.instances = new JarServer[ports.size()];
    }

    /**
     * {@code size} instances started at the same moment on an empty database, each waited for until
     * ready and until the grid has them all, then nginx on {@code httpsPort}/{@code httpPort}. The
     * {@code environment} is every instance's (storage settings go there too).
     */
    public static ClusterSite start(String name, int size, Map<String, String> environment, int httpsPort, int httpPort) throws Exception {
        var dir = Path.of("target", name).toAbsolutePath();
        JarServer.deleteRecursively(dir.resolve("data"));
        JarServer.deleteRecursively(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("logs"));
        var postgres = PostgresCluster.start(dir.resolve("pg"));
        var shared = new HashMap<>(postgres.freshDatabase(DATABASE));
        shared.putAll(environment);
        var ports = new ArrayList<Integer>();
        var gridPorts = new ArrayList<Integer>();
        for (int i = 0; i < size; i++) {
            ports.add(JarServer.freePort());
            gridPorts.add(JarServer.freePort());
        }
        var site = new ClusterSite(dir, postgres, Map.copyOf(shared), List.copyOf(ports), List.copyOf(gridPorts), name + "-" + ProcessHandle.current().pid());
        try {
            for (int i = 0; i < size; i++) {
                site.instances[i] = site.launch(i);
            }
            for (var instance : site.instances) {
                awaitReady(instance);
            }
            site.awaitGridOf(size);
            var objectStorage = java.util.Optional.ofNullable(environment.get("CHAPITRE_S3_ENDPOINT")).map(java.net.URI::create)
                    .map(endpoint -> endpoint.getHost() + ":" + endpoint.getPort());
            site.nginx = NginxSite.start(dir.resolve("nginx"), httpsPort, httpPort, ports, site.data(), objectStorage);
            return site;
        } catch (Throwable failed) {
            site.close();
            throw failed;
        }
    }

    /**
     * What cluster.env gives chapitre@.service, but each instance starts at its own grid port of the
     * member list: free ports are not consecutive, and an instance that took another's port would,
     * once restarted, find no member at the ports listed, form a grid of its own and join the others
     * only at Hazelcast's next merge, minutes later.
     */
    private JarServer launch(int i) throws Exception {
        var members = gridPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        var clusterArguments = List.of("--clustername", clusterName, "--clustermode", "tcpip:" + members,
                "--interfaces", "127.0.0.1", "--startport", String.valueOf(gridPorts.get(i)));
        var flags = new JarServer.Flags(List.of("-Dpayaramicro.noCluster=false"), clusterArguments,
                dir.resolve("logs").resolve("instance-" + i + ".log"));
        return JarServer.launch(data(), ports.get(i), environment, flags);
    }

    private static void awaitReady(JarServer instance) {
        try {
            instance.awaitReady(BOOT);
        } catch (AssertionError notReady) {
            instance.process().destroyForcibly();
            throw notReady;
        }
    }

    public int size() {
        return instances.length;
    }

    public JarServer instance(int i) {
        return instances[i];
    }

    public List<JarServer> instances() {
        return List.of(instances);
    }

    public NginxSite nginx() {
        return nginx;
    }

    /** The one data directory every instance keeps its media (and published tree) in. */
    public Path data() {
        return dir.resolve("data");
    }

    /** A connection to the instances' database, for what no API shows (the migrations' history). */
    public Connection database() throws Exception {
        return DriverManager.getConnection(environment.get("CHAPITRE_DB_URL"), environment.get("CHAPITRE_DB_USER"),
                environment.get("CHAPITRE_DB_PASSWORD"));
    }

    /** SIGKILL, as a crash or the OOM killer: the others go on. */
    public void kill(int i) throws InterruptedException {
        instances[i].kill();
    }

    /** Started again on its port and data, waited for until ready and back in the grid. */
    public JarServer restart(int i) throws Exception {
        instances[i] = launch(i);
        awaitReady(instances[i]);
        awaitGridOf(size());
        return instances[i];
    }

    /**
     * Until every running instance last logged a grid of {@code members}: a member killed without
     * leaving is dropped by the others once its heartbeats stop.
     */
    public void awaitGridOf(int members) {
        Poll.until("every running instance sees a data grid of " + members + " (logs in " + dir.resolve("logs") + ")", BOOT,
                () -> running().allMatch(instance -> gridSize(instance) == members));
    }

    private java.util.stream.Stream<JarServer> running() {
        return IntStream.range(0, instances.length).mapToObj(i -> instances[i]).filter(i -> i != null && i.process().isAlive());
    }

    /** The grid's size the instance last logged; 0 before it logged one. */
    static int gridSize(JarServer instance) {
        String log;
        try {
            log = instance.logText();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        var sizes = GRID_SIZE.matcher(log);
        int last = 0;
        while (sizes.find()) {
            last = Integer.parseInt(sizes.group(1));
        }
        return last;
    }

    @Override
    public void close() throws Exception {
        try {
            if (nginx != null) {
                nginx.close();
            }
            for (var instance : instances) {
                if (instance != null) {
                    instance.kill();
                }
            }
        } finally {
            postgres.close();
        }
    }
}
