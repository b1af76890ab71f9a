package uk.nhs.pathways.platform.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import uk.nhs.pathways.events.EventType;

/**
 * What one consumer does with the records of its topic: an effect per event type it cares about, and
 * optionally what a tombstone (a deleted aggregate on a compacted topic) means to it. Event types it
 * does not name are passed over, so a producer may add types without breaking it.
 */
public final class EventHandlers {

    /** The effect of one event type, with the payload class it is decoded into. */
    record Handler<T>(EventType type, Class<T> payloadType, Consumer<T> effect) {

        void apply(Object payload) {
            effect.accept(payloadType.cast(payload));
        }
    }

    private final Map<String, Handler<?>> byType;
    private final Consumer<String> onTombstone;

    private EventHandlers(Map<String, Handler<?>> byType, Consumer<String> onTombstone) {
        this.byType = Collections.unmodifiableMap(byType);
        this.onTombstone = onTombstone;
    }

    /** A consumer of one event type. */
    public static <T> EventHandlers on(EventType type, Class<T> payloadType, Consumer<T> effect) {
        return new EventHandlers(new LinkedHashMap<>(), null).and(type, payloadType, effect);
    }

    /** The same handlers, plus one for another event type. */
    public <T> EventHandlers and(EventType type, Class<T> payloadType, Consumer<T> effect) {
        if (!type.payload().equals(payloadType)) {
            throw new IllegalArgumentException(
                    type + " carries " + type.payload().getSimpleName() + ", not " + payloadType.getSimpleName());
        }
        if (byType.containsKey(type.type())) {
            throw new IllegalArgumentException(type + " is handled twice");
        }
        Map<String, Handler<?>> more = new LinkedHashMap<>(byType);
        more.put(type.type(), new Handler<>(type, payloadType, effect));
        return new EventHandlers(more, onTombstone);
    }

    /** The same handlers, and a tombstone (key, no value) removes the aggregate with that key. */
    public EventHandlers andTombstones(Consumer<String> removeByKey) {
        return new EventHandlers(new LinkedHashMap<>(byType), removeByKey);
    }

    Optional<Handler<?>> forType(String cloudEventType) {
        return Optional.ofNullable(byType.get(cloudEventType));
    }

    Optional<Consumer<String>> tombstones() {
        return Optional.ofNullable(onTombstone);
    }
}
