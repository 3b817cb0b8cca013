package org.ecglab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {
    private final EffectiveSettings settings = new EffectiveSettings(List.of(
            new EffectiveSettings.Entry("intra-op threads", "1", "default"),
            new EffectiveSettings.Entry("offline", "true", "DJL_OFFLINE")), List.of());

    @Test
    void printsAnAlignedTableThenTheWarnings() {
        String nl = System.lineSeparator();
        assertEquals("intra-op threads  1     default" + nl + "offline           true  DJL_OFFLINE",
                settings.toString());
        EffectiveSettings warned = new EffectiveSettings(settings.entries(), List.of("something is off"));
        assertEquals(settings + nl + "WARNING: something is off", warned.toString());
    }

    @Test
    void withAddsARowAtTheEndAndValueFindsRowsByName() {
        EffectiveSettings more = settings.with(new EffectiveSettings.Entry("oneDNN convolution", "on", "check"));
        assertEquals(3, more.entries().size());
        assertEquals("on", more.value("oneDNN convolution"));
        assertEquals("1", more.value("intra-op threads"));
        assertEquals(2, settings.entries().size(), "the original is unchanged");
        assertThrows(IllegalArgumentException.class, () -> settings.value("nothing"));
    }
}
