package org.ecglab.plot;

import java.util.function.Consumer;

/**
 * The one way every figure is built: its options live in a settings bag that is copied before each change, so a
 * figure is an immutable value and every setter returns a changed copy ({@code figure.title("...").size(...)}).
 * A figure holds its settings in a {@code Settings} class extending this one, and each setter is
 * {@code return with(s -> s.option = value);}. Fields holding arrays or lists are replaced by setters, never
 * changed in place, so the shallow copy is enough.
 *
 * @param <S> the figure's own settings class
 */
abstract class FigureSettings<S extends FigureSettings<S>> implements Cloneable {
    /** Title above the figure (empty for none). */
    String title = "";
    /** Figure width in pixels. */
    int width;
    /** Figure height in pixels. */
    int height;

    /**
     * @param width  default width in pixels
     * @param height default height in pixels
     */
    FigureSettings(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A copy of these settings with {@code change} applied; these settings stay as they are. */
    @SuppressWarnings("unchecked")
    final S changed(Consumer<S> change) {
        S copy;
        try {
            copy = (S) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("settings are Cloneable", e);
        }
        change.accept(copy);
        return copy;
    }
}
