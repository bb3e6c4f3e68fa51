package org.poetexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import org.junit.jupiter.api.Test;

class IdentityPropertyTest {
    /** A value whose equals compares content, as a record's does. */
    record Value(List<Integer> content) {
    }

    @Test
    void aNewObjectIsAChangeEvenWhenItsContentIsEqualAndTheSameObjectIsNone() {
        IdentityProperty<Value> p = new IdentityProperty<>(this, "value");
        List<String> heard = new ArrayList<>();
        ChangeListener<Value> listener = (o, a, b) -> heard.add((a == null ? "null" : "old") + "->" + b.content());
        p.addListener(listener);
        Value first = new Value(List.of(1, 2, 3));
        p.set(first);
        p.set(first);
        Value equalContent = new Value(List.of(1, 2, 3));
        p.set(equalContent);
        assertEquals(List.of("null->[1, 2, 3]", "old->[1, 2, 3]"), heard);
        assertEquals(equalContent, p.get());
        p.removeListener(listener);
        p.set(new Value(List.of(4)));
        assertEquals(2, heard.size(), "a removed listener hears nothing");
    }

    @Test
    void bindingsFollowIt() {
        IdentityProperty<Value> p = new IdentityProperty<>(this, "value");
        BooleanBinding present = Bindings.isNotNull(p);
        assertEquals(false, present.get());
        p.set(new Value(List.of()));
        assertEquals(true, present.get());
        p.set(null);
        assertEquals(false, present.get());
        assertNull(p.get());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        IdentityProperty<Value> p = new IdentityProperty<>(this, "value");
        List<Throwable> reported = new ArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            List<Value> heard = new ArrayList<>();
            p.addListener((o, a, b) -> {
                throw new IllegalStateException("broken view");
            });
            p.addListener((o, a, b) -> heard.add(b));
            Value v = new Value(List.of(7));
            p.set(v);
            assertEquals(List.of(v), heard);
            assertEquals(1, reported.size());
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(before);
        }
    }
}
