package io.gridpulse.cli;

import io.gridpulse.domain.model.Feed;
import java.util.Map;

/** What one `process` run published and computed. */
record RunReport(String runId, long asOf, Map<Feed, Publisher.Published> published, LocalRun.Result result) {}
