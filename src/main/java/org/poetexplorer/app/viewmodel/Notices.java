package org.poetexplorer.app.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The message the window's notification bar shows: the latest one posted by any part of the explorer. */
public final class Notices {
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");

    /** Shows a message in the window's notification bar. */
    public void post(Notice n) {
        notice.set(n);
    }

    /** Tells the user that a value they typed cannot be used; nothing changes. */
    public void inputError(String field, String reason) {
        post(Notice.error("Not applied", field + ": " + reason));
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
