package dev.chapitre.imports.boundary;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who may run imports: the members of the data grid, each known by its UUID, which is new at every
 * start. A job's runner is its member's UUID and a random part, new for each run, so that a job
 * claimed again (even by the same instance) stops the run that had it. A job whose member is not in
 * the grid any more (it stopped or died) is anyone's to carry on; with {@code --nocluster} the grid
 * has one member, and a job of the previous start is resumed.
 */
@ApplicationScoped
public class ImportMembers {

    @Inject
    HazelcastInstance grid;

    public String newRunner() {
        return grid.getCluster().getLocalMember().getUuid() + "/" + UUID.randomUUID();
    }

    /** The member part of a runner. */
    static String memberOf(String runner) {
        return runner.split("/", 2)[0];
    }

    public Set<String> live() {
        return grid.getCluster().getMembers().stream().map(member -> member.getUuid().toString()).collect(Collectors.toSet());
    }
}
