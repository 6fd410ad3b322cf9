package io.catalogbatch.catalog.service;

import static io.catalogbatch.catalog.domain.DomainAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.catalog.domain.commands.AddModel;
import io.catalogbatch.catalog.domain.commands.CatalogCommand;
import io.catalogbatch.catalog.domain.events.ModelEvent;
import io.catalogbatch.shared.domain.DomainException;
import io.catalogbatch.shared.service.MessageBus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The real bus over the fake store, with the events it publishes recorded in order. */
abstract class CatalogServiceTestSupport {

    protected final FakeCatalogUnitOfWork uow = new FakeCatalogUnitOfWork();
    protected final List<ModelEvent> published = new ArrayList<>();
    protected final MessageBus bus = CatalogBootstrap.bus(uow, List.of(published::add));

    /** Handles these commands as the state before the test; forgets the events they published. */
    protected void given(CatalogCommand... commands) {
        for (CatalogCommand command : commands) {
            bus.handle(command);
        }
        published.clear();
    }

    protected void when(CatalogCommand command) {
        bus.handle(command);
    }

    /** The command changes nothing: no event, same committed snapshots (revisions included). */
    protected void assertNoOp(CatalogCommand command) {
        Map<String, ModelSnapshot> before = uow.committed();
        bus.handle(command);
        assertThat(published).as("events of a no-op").isEmpty();
        assertThat(uow.committed()).as("committed state after a no-op").isEqualTo(before);
    }

    /** The command is refused with this reason and field, and nothing at all is committed or published. */
    protected DomainException assertRefused(CatalogCommand command, String reason, String field) {
        return assertRefused(bus, command, reason, field);
    }

    /** The same, on a bus of another composition over the same fake store. */
    protected DomainException assertRefused(MessageBus on, CatalogCommand command, String reason, String field) {
        Map<String, ModelSnapshot> before = uow.committed();
        int commits = uow.commits();
        DomainException refusal = assertRejected(() -> on.handle(command), reason, field);
        assertThat(uow.committed()).as("committed state after a refused command").isEqualTo(before);
        assertThat(uow.commits()).as("commits after a refused command").isEqualTo(commits);
        assertThat(published).as("events of a refused command").isEmpty();
        return refusal;
    }

    protected ModelSnapshot stored(String name) {
        return uow.committed(name);
    }

    protected static AddModel add(String name, String... tags) {
        return new AddModel(name(name), ModelPatches.nothing(), tags(tags));
    }

    protected static ModelName name(String raw) {
        return ModelName.of(raw);
    }

    protected static Tag tag(String raw) {
        return Tag.of(raw);
    }

    protected static Set<Tag> tags(String... raw) {
        return Arrays.stream(raw).map(Tag::of).collect(Collectors.toSet());
    }

    protected static Set<Tag> numberedTags(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> Tag.of(prefix + i)).collect(Collectors.toSet());
    }
}
