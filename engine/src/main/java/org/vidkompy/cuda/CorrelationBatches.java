package org.vidkompy.cuda;

/**
 * How many images and templates one device pass holds, so that a call's device memory stays under a
 * budget whatever the number of bg thumbnails. Templates get at most a quarter of the budget (they
 * are few: fg samples times scales); images take the rest. At least one of each, always; at most
 * {@link LaunchGeometry#MAX_GRID_YZ} images, since images are a launch's z axis.
 */
record CorrelationBatches(int images, int templates, long bytesPerImage, long bytesPerTemplate) {

    static CorrelationBatches plan(int w, int h, int gw, int gh, int imageCount, int templateCount, long budget) {
        long grid = 8L * gw * gh;
        long spectrum = 16L * gh * (gw / 2 + 1);
        long plane = 4L * w * h;
        long tables = 2L * 8 * SummedAreaTables.length(w, h);
        // upload + padded grid (reused for the inverse) + spectrum + product + tables + surface + cuFFT work
        long perImage = plane + grid + spectrum + spectrum + tables + plane + spectrum;
        // padded grid + spectrum + cuFFT work
        long perTemplate = grid + spectrum + spectrum;
        int templates = (int) clamp(budget / 4 / perTemplate, 1, Math.max(1, templateCount));
        long left = budget - (long) templates * perTemplate - plane;
        int images = (int) clamp(left / perImage, 1, Math.min(Math.max(1, imageCount), LaunchGeometry.MAX_GRID_YZ));
        return new CorrelationBatches(images, templates, perImage, perTemplate);
    }

    long bytes() {
        return (long) images * bytesPerImage + (long) templates * bytesPerTemplate;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
