package io.gridpulse.flink.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.codec.IsoTime;
import io.gridpulse.domain.codec.Rejection;

/** A rejection as the JSON record of the {@code gridpulse.rejected} topic (schemas/rejected.schema.json). */
public final class RejectedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RejectedJson() {}

    public static byte[] toJson(Rejection r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("rejectId", RejectedTable.rejectId(r));
        n.put("feed", r.feed().code());
        n.put("reason", r.reason().name());
        n.put("detail", r.detail());
        n.put("raw", r.raw());
        n.put("seenAt", IsoTime.format(r.seenAt()));
        n.put("origin", r.origin());
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
