package org.poetexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectPropertyBase;
import javafx.beans.value.ChangeListener;

/**
 * A read-only object property for large immutable values (solve results, the schedule on
 * screen) that tells a new value from the old by identity. JavaFX's own properties ask
 * {@code equals} before telling their change listeners, and a record's {@code equals} compares
 * its whole content: a result's schedule operation by operation, a shown schedule's table rows
 * one by one, at every change. Here a new object is a change; {@link #set} with the object
 * already held is none. Invalidation listeners (bindings) are told as by any property.
 */
final class IdentityProperty<T> extends ReadOnlyObjectPropertyBase<T> {
    private final Object bean;
    private final String name;
    private final List<ChangeListener<? super T>> changeListeners = new ArrayList<>();
    private T value;

    IdentityProperty(Object bean, String name) {
        this.bean = bean;
        this.name = name;
    }

    /** Holds {@code v}; when it is another object than the one held, tells the listeners. */
    void set(T v) {
        if (v == value) {
            return;
        }
        T old = value;
        value = v;
        fireValueChangedEvent();
        // a copy: a listener may add or remove listeners
        for (ChangeListener<? super T> l : List.copyOf(changeListeners)) {
            try {
                l.changed(this, old, v);
            } catch (RuntimeException e) {
                // as JavaFX does: one failing listener neither stops the others nor the setter
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }

    @Override
    public T get() {
        return value;
    }

    @Override
    public void addListener(ChangeListener<? super T> listener) {
        changeListeners.add(listener);
    }

    @Override
    public void removeListener(ChangeListener<? super T> listener) {
        changeListeners.remove(listener);
    }

    @Override
    public Object getBean() {
        return bean;
    }

    @Override
    public String getName() {
        return name;
    }
}
