package io.catalogbatch.catalog.service.search;

import io.catalogbatch.catalog.domain.ModelSnapshot;
import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.domain.Tag;
import java.util.List;

/** One search result row (SPEC §1); {@code rank} is the 1-based position in the whole sorted result. */
public record SearchHit(long rank, String name, String task, String framework, String license, Status status,
                        List<Tag> matchedTags, List<Tag> tags, String created) {

    public SearchHit {
        matchedTags = List.copyOf(matchedTags);
        tags = List.copyOf(tags);
    }

    public static SearchHit of(long rank, ModelSnapshot model, ModelQuery query) {
        return new SearchHit(rank, model.name().display(), model.details().task(), model.details().framework(),
                model.details().license(), model.status(), query.matchedTags(model.tags()),
                List.copyOf(model.tags()), model.details().created());
    }
}
