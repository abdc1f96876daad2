package org.vidkompy.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidkompy.image.Plane;

class DescriptorSequenceTest {

    private static Plane texture(long seed, float gain, float bias) {
        Random rnd = new Random(seed);
        Plane p = Plane.allocate(32, 32);
        float v = 0;
        for (int k = 0; k < 1024; k++) {
            v = 0.8f * v + 20f * (float) rnd.nextGaussian();
            p.data()[k] = gain * (100 + v) + bias;
        }
        return p;
    }

    @Test
    void gradingChangesNeitherVectorNorHashes() {
        DescriptorSequence s = DescriptorSequence.builder(DescriptorSpec.standard())
                .add(texture(1, 1f, 0f)).add(texture(1, 0.5f, 60f)).add(texture(2, 1f, 0f)).build();
        assertTrue(s.correlation(0, s, 1) > 0.999f, "graded copy correlates " + s.correlation(0, s, 1));
        assertTrue(s.correlation(0, s, 2) < 0.5f, "other picture correlates " + s.correlation(0, s, 2));
        assertEquals(s.pHash(0), s.pHash(1));
        assertEquals(s.dHash(0), s.dHash(1));
        assertTrue(Long.bitCount(s.pHash(0) ^ s.pHash(2)) > 10);
    }

    @Test
    void flatFrameIsUninformativeNotAPerfectMatch() {
        DescriptorSequence s = DescriptorSequence.builder(DescriptorSpec.standard())
                .add(Plane.allocate(32, 32)).add(texture(1, 1f, 0f)).build();
        assertTrue(s.isUninformative(0));
        assertTrue(Float.isNaN(s.correlation(0, s, 1)));
        assertTrue(Float.isNaN(s.correlation(0, s, 0)));
        assertEquals(0L, s.pHash(0));
    }

    @Test
    void maskedBarsDoNotCount() {
        DescriptorSpec spec = DescriptorSpec.withMask(ThumbMask.content(32, 32, 0, 8, 32, 16));
        Plane a = texture(3, 1f, 0f);
        Plane b = texture(3, 1f, 0f);
        for (int k = 0; k < 1024; k++) {
            int row = k / 32;
            if (row < 8 || row >= 24) {
                a.data()[k] = 0;
                b.data()[k] = 255;
            }
        }
        DescriptorSequence s = DescriptorSequence.builder(spec).add(a).add(b).build();
        assertEquals(16 * 8, s.dimension());
        assertTrue(s.correlation(0, s, 1) > 0.999f);
    }

    @Test
    void wrongThumbnailSizeIsRefusedWithTheSizes() {
        DescriptorSequence.Builder b = DescriptorSequence.builder(DescriptorSpec.standard());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(Plane.allocate(64, 36)));
        assertTrue(e.getMessage().contains("64x36"), e.getMessage());
    }

    @Test
    void partsAppendedInOrderAreTheWholeSequence() {
        DescriptorSpec spec = DescriptorSpec.standard();
        DescriptorSequence.Builder whole = DescriptorSequence.builder(spec);
        DescriptorSequence.Builder first = DescriptorSequence.builder(spec);
        DescriptorSequence.Builder second = DescriptorSequence.builder(spec);
        // More frames than a builder starts with, so appending has to grow it.
        for (int k = 0; k < 1500; k++) {
            Plane p = k % 7 == 0 ? Plane.allocate(32, 32) : texture(k, 1f, 0f);
            whole.add(p);
            (k < 700 ? first : second).add(p);
        }
        DescriptorSequence a = whole.build();
        DescriptorSequence b = DescriptorSequence.builder(spec).addAll(first.build()).addAll(second.build()).build();
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.pHash(k), b.pHash(k));
            assertEquals(a.dHash(k), b.dHash(k));
            assertEquals(a.isUninformative(k), b.isUninformative(k));
            if (!a.isUninformative(k)) {
                assertEquals(a.correlation(k, a, (k + 1) % a.size()), b.correlation(k, b, (k + 1) % b.size()));
            }
        }
    }
}
