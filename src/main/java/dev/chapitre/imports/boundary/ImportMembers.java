package dev.chapitre.imports.boundary;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may run imports: the members of the data grid, each known by its UUID, which is new at every
 * start. A job whose runner is not a member any more (it stopped or died) is anyone's to carry on;
 * with {@code --nocluster} the grid has one member, and a job of the previous start is resumed.
 */
@ApplicationScoped
public class ImportMembers {

    @Inject
    HazelcastInstance grid;

    public String self() {
        return grid.getCluster().getLocalMember().getUuid().toString();
    }

    public Set<String> live() {
        return grid.getCluster().getMembers().stream().map(member -> member.getUuid().toString()).collect(Collectors.toSet());
    }
}
