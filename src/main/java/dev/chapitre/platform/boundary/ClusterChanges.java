package dev.chapitre.platform.boundary;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import dev.chapitre.platform.entity.ChangedElsewhere;
import dev.chapitre.platform.entity.MembersChanged;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the instances of a cluster tell each other: which show changed (after the commit, so the
 * others drop what they keep of it in memory), and who joins and leaves. The database stays the
 * source of truth: an announcement only says "read it again". On one instance nothing is sent
 * anywhere and this instance leads.
 * <p>
 * The grid is Payara Micro's Hazelcast, which Payara hands to {@code @Inject HazelcastInstance}
 * (also bound at {@code payara/Hazelcast} in JNDI). Every instance has one: with {@code --nocluster}
 * (the embedded default) it is a grid of one member, so the code that shares state through it is
 * the same on one instance and on ten.
 */
@ApplicationScoped
public class ClusterChanges {

    private static final Logger LOG = Logger.getLogger(ClusterChanges.class.getName());
    static final String TOPIC = "chapitre.show-changes";

    @Inject
    HazelcastInstance grid;

    @Inject
    Event<ChangedElsewhere> changedElsewhere;

    @Inject
    Event<MembersChanged> membersChanged;

    private ITopic<Long> topic;
    private UUID messages;
    private UUID members;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        topic = grid.getTopic(TOPIC);
        messages = topic.addMessageListener(message -> {
            if (!message.getPublishingMember().localMember()) {
                changedElsewhere.fire(new ChangedElsewhere(message.getMessageObject()));
            }
        });
        members = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                membershipChanged(event);
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                membershipChanged(event);
            }
        });
    }

    private void membershipChanged(MembershipEvent event) {
        var now = new MembersChanged(event.getMembers().size(), leads());
        LOG.info(() -> "The cluster has " + now.members() + " instance(s) now (" + event.getMember().getAddress()
                + (event.getEventType() == MembershipEvent.MEMBER_ADDED ? " joined" : " left") + ")"
                + (now.leading() ? "; this instance leads" : ""));
        membersChanged.fire(now);
    }

    @PreDestroy
    void stopListening() {
        try {
            topic.removeMessageListener(messages);
            grid.getCluster().removeMembershipListener(members);
        } catch (RuntimeException gridAlreadyDown) {
            // Shutting down: the grid may have stopped before us.
        }
    }

    /** Tells the other instances that {@code podcastId} changed; a failure only costs them freshness. */
    public void announce(long podcastId) {
        try {
            topic.publish(podcastId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the other instances that show " + podcastId + " changed", e);
        }
    }

    /**
     * Whether this instance does the work done once for the whole cluster (the published tree):
     * the oldest member does, as the grid orders its members; when it leaves, the next oldest.
     */
    public boolean leads() {
        return grid.getCluster().getMembers().iterator().next().localMember();
    }

    public int members() {
        return grid.getCluster().getMembers().size();
    }
}
